import { expect, it } from 'vitest';
import { describeOnStorages, secure, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('the OTP inbox of the reference server', (server) => {
  it('shows the last code sent to the customer with its points and expiry, and whether it was used', async () => {
    const gb = server().as(secure);
    const customerId = await pointsApi(gb).customer();
    const path = { customerId };
    const none = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path } });
    expect([none.response.status, none.error?.code]).toEqual([404, 4004]);
    expect((await gb.POST('/transactions/otp', { body: { customerId, points: 30 } })).response.status).toBe(200);
    const sent = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path } });
    expect(sent.data).toMatchObject({ customerId, points: 30, used: false });
    expect(sent.data!.otp).toMatch(/^\d{6}$/);
    expect(Date.parse(sent.data!.expiresAt)).toBeGreaterThan(Date.now());
    const unknown = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
