import { expect, it } from 'vitest';
import { transactionsApi } from './transactions-api.js';
import { describeOnStorages } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

describeOnStorages('holds, OTP and hash', (server) => {
  const api = () => pointsApi(server().client());

  const { holdOf, release } = transactionsApi(server);

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

  it('holds a redemption rule\'s cost by ruleId, and refuses an unknown or inactive rule with 422/3003', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 140);
    const gb = server().client();
    const hold = await gb.POST('/transactions/hold', { body: { customerId, transactionTime: new Date().toISOString(), ruleId: '1' } });
    expect(hold.data).toMatchObject({ customerId, holdEquivalentPoints: 100, holdAmount: 10 }); // rule 1: 100 points
    expect(await api().balance(customerId)).toMatchObject({ availablePointsBalance: 40, heldPoints: 100 });
    for (const ruleId of ['99', 'one']) {
      const refused = await gb.POST('/transactions/hold', { body: { customerId, transactionTime: new Date().toISOString(), ruleId } });
      expect(refused.error).toMatchObject({ code: 3003 });
    }
    expect((await gb.POST('/transactions/hold', { body: { customerId, transactionTime: new Date().toISOString(), ruleId: '2' } })).error).toMatchObject({ code: 9008 });
  });
});

