import { expect, it } from 'vitest';
import { describeOnStorages, secure } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

describeOnStorages('holds, OTP and hash', (server) => {
  const api = () => pointsApi(server().client());

  const holdOf = (holdReferenceId: string) =>
    server().client().GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId } } });
  const release = (holdReferenceId: string) =>
    server().client().DELETE('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId } } });

  it('keeps held points from being spent, then spends exactly them by holdReference', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const hold = await api().hold(customerId, { pointsToHold: 70 });
    expect(hold.data).toMatchObject({ customerId, holdEquivalentPoints: 70, holdAmount: 7 });
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 100, availablePointsBalance: 30, heldPoints: 70 });
    expect((await api().redeem(customerId, { points: 31 })).error?.code).toBe(9008);
    expect((await api().hold(customerId, { pointsToHold: 31 })).error?.code).toBe(9008);

    const reference = hold.data!.holdReference;
    const spent = await api().redeem(customerId, { holdReference: reference });
    expect(spent.data).toMatchObject({ redeemEquivalentPoints: 70, redeemAmount: 7 });
    expect((await holdOf(reference)).data).toMatchObject({ state: 'used', holdEquivalentPoints: 70 });
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 30, availablePointsBalance: 30, heldPoints: 0 });
    // A used hold cannot be spent or released again.
    expect((await api().redeem(customerId, { holdReference: reference })).error?.code).toBe(9006);
    expect((await release(reference)).error?.code).toBe(9006);
  });

  it('gives held points back on release, and answers 9006 for unknown holds', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 40);
    const { data } = await api().hold(customerId, { amountToHold: 2.01 }); // 21 points, rounded up
    expect(data?.holdEquivalentPoints).toBe(21);
    const released = await release(data!.holdReference);
    expect(released.data).toEqual({ success: true, message: 'The hold was released.' });
    expect((await holdOf(data!.holdReference)).data?.state).toBe('released');
    expect((await api().balance(customerId)).availablePointsBalance).toBe(40);
    expect((await holdOf('no-such-hold')).error?.code).toBe(9006);
    expect((await release('no-such-hold')).response.status).toBe(404);
  });

  it('lets a hold expire by itself after its time (moved on with the test clock)', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 50);
    const short = await api().hold(customerId, { pointsToHold: 20, holdDurationMinutes: 1 });
    const long = await api().hold(customerId, { pointsToHold: 20 }); // account default: 10 minutes
    expect((await api().balance(customerId)).availablePointsBalance).toBe(10);
    await api().advance(61);
    expect((await holdOf(short.data!.holdReference)).data?.state).toBe('expired');
    expect((await holdOf(long.data!.holdReference)).data?.state).toBe('active');
    expect((await api().balance(customerId)).availablePointsBalance).toBe(30);
    expect((await api().redeem(customerId, { holdReference: short.data!.holdReference })).error?.code).toBe(9006);
    await api().advance(10 * 60);
    expect((await api().balance(customerId)).availablePointsBalance).toBe(50);
  });

  it('never lets racing holds and redemptions reserve more than the balance', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? api().hold(customerId, { pointsToHold: 10 }) : api().redeem(customerId, { points: 10 }))),
    );
    expect(results.filter((r) => r.response.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.error?.code === 9008)).toHaveLength(6);
    const redeemed = results.filter((r, i) => i % 2 === 0 && r.response.status === 200).length;
    const held = results.filter((r, i) => i % 2 === 1 && r.response.status === 200).length;
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ availablePointsBalance: 0, heldPoints: 10 * held, totalPointsBalance: 100 - 10 * redeemed });
    expectConsistentLedger(await api().ledger(customerId), balance.totalPointsBalance);
  });

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
});
