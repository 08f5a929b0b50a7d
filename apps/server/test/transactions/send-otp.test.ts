import { expect, it } from 'vitest';
import { describeOnStorages, secure } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('holds, OTP and hash', (server) => {
  const api = () => pointsApi(server().client());

  it('asks for an OTP and the current hash where the account requires them', async () => {
    const gb = server().as(secure);
    const secureApi = pointsApi(gb);
    const customerId = await secureApi.customer();
    await secureApi.manual(customerId, 1000);
    const hashOf = async () => (await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } })).data!.hash;
    const hash = await hashOf();

    expect((await secureApi.redeem(customerId, { points: 100, hash })).error?.code).toBe(3000); // no OTP
    expect((await secureApi.redeem(customerId, { points: 100 })).error?.code).toBe(3000); // no hash
    expect((await gb.POST('/transactions/otp', { body: { customerId, points: 100 } })).data?.success).toBe(true);
    const { data: sent } = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path: { customerId } } });
    expect(sent).toMatchObject({ customerId, points: 100, used: false });
    expect((await secureApi.redeem(customerId, { points: 100, hash, otp: '000000' === sent!.otp ? '111111' : '000000' })).error?.code).toBe(3003);
    expect((await secureApi.redeem(customerId, { points: 99, hash, otp: sent!.otp })).error?.code).toBe(3003); // other value
    expect((await secureApi.redeem(customerId, { points: 100, hash: '999999' === hash ? '000000' : '999999', otp: sent!.otp })).error?.code).toBe(3003);

    const ok = await secureApi.redeem(customerId, { points: 100, hash, otp: sent!.otp });
    expect(ok.data?.redeemEquivalentPoints).toBe(100);
    expect(ok.data?.redeemAmount).toBe(1);
    // The code is used up and the hash has rotated.
    expect((await secureApi.redeem(customerId, { points: 100, hash: await hashOf(), otp: sent!.otp })).error?.code).toBe(3003);
    expect(await hashOf()).not.toBe(hash);
    expect((await secureApi.ledger(customerId)).map((e) => e.type)).toEqual(['ManualAccumulation', 'Redemption']);
  });

  it('answers 403/8000 to an OTP request where the account does not use OTP', async () => {
    const customerId = await api().customer();
    const { error, response } = await server().client().POST('/transactions/otp', { body: { customerId, points: 10 } });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ code: 8000, type: 'SUBSCRIPTION_ERROR' });
  });

  it('binds an OTP to a redemption rule\'s cost by ruleId, so a hold of that rule can use it; an inactive or unknown rule is 3003', async () => {
    const gb = server().as(secure);
    const secureApi = pointsApi(gb);
    const customerId = await secureApi.customer();
    await secureApi.manual(customerId, 1000);
    expect((await gb.POST('/transactions/otp', { body: { customerId, ruleId: 2 } })).error).toMatchObject({ code: 3003 }); // inactive
    expect((await gb.POST('/transactions/otp', { body: { customerId, ruleId: 7 } })).error).toMatchObject({ code: 3003 });
    expect((await gb.POST('/transactions/otp', { body: { customerId, ruleId: 1 } })).data?.success).toBe(true);
    const { data: sent } = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path: { customerId } } });
    expect(sent).toMatchObject({ points: 300 });
    const hash = (await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } })).data!.hash;
    const hold = await gb.POST('/transactions/hold', { body: { customerId, transactionTime: new Date().toISOString(), ruleId: '1', otp: sent!.otp, hash } });
    expect(hold.data).toMatchObject({ holdEquivalentPoints: 300 });
  });
});

