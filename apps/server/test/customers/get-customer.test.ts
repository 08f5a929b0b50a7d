import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customers', (server) => {
  it('answers 404/7000 for an unknown customer on every customer read', async () => {
    const gb = server().client();
    const path = { customerId: uid('nobody') };
    const answers = await Promise.all([
      gb.GET('/customers/{customerId}', { params: { path } }),
      gb.GET('/customers/{customerId}/details', { params: { path } }),
      gb.GET('/customers/{customerId}/coupons', { params: { path } }),
      gb.GET('/customers/{customerId}/hash', { params: { path } }),
      gb.DELETE('/customers/{customerId}', { params: { path } }),
      gb.POST('/customers/{customerId}/delete', { params: { path } }),
    ]);
    for (const { error, response } of answers) {
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 7000, type: 'CUSTOMER_ERROR', documentationUrl: '/docs/#section/errors/7000' });
      expect(error && 'requestId' in error ? error.requestId : undefined).toBe(response.headers.get('x-request-id'));
    }
  });
});
