import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customers', (server) => {
  it('lists no coupons for a new customer and gives a six-digit hash', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    const coupons = await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } });
    expect(coupons.data).toEqual({ coupons: [] });
    const hash = await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } });
    expect(hash.data?.hash).toMatch(/^\d{6}$/);
  });
});
