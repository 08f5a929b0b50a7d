import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

/** Cashbacks of 100 on the demo program: 30 points each, every one of which can be refunded. */
const REWARDS = 8;
const SHARE = 30;
/** The entry types that spend points: none may leave the balance below zero. */
const SPENDING = new Set(['Redemption', 'ManualDeduction', 'DiscountCode']);

describeOnStorages('spending under concurrency', (server) => {
  const gb = () => server().client();
  const api = () => pointsApi(gb());
  const order = (customerId: string, holdReference: string) =>
    gb().POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 20, redemption: { pointsHoldReference: holdReference } } });
  const payment = (customerId: string, holdReference: string) =>
    gb().POST('/payments', { body: { customerId, paymentId: uid('pmt'), paymentDate: nowIso(), totalPaid: 20, redemption: { pointsHoldReference: holdReference } } });
  const codeOf = (result: { response: Response; error?: { code: number | string } }) => (result.response.status === 200 ? 200 : result.error?.code);

  it('never overdraws: racing holds, redemptions, and orders and payments paid with holds while the rewards are refunded get 9008 instead', { timeout: 120_000 }, async () => {
    const customerId = await api().customer();
    const rewards: string[] = [];
    for (let i = 0; i < REWARDS; i++) {
      const transactionId = uid('pay');
      expect((await api().cashback(customerId, 100, transactionId)).response.status).toBe(200);
      rewards.push(transactionId);
    }

    // Holds and redemptions asking for twice the points there are, all at once.
    const [holds, redeemed] = await Promise.all([
      Promise.all(Array.from({ length: REWARDS + REWARDS / 2 }, () => api().hold(customerId, { pointsToHold: SHARE }))),
      Promise.all(Array.from({ length: REWARDS / 2 }, () => api().redeem(customerId, { points: SHARE }))),
    ]);
    const reserving = [...holds, ...redeemed].map(codeOf);
    expect(reserving.filter((code) => code !== 200 && code !== 9008)).toEqual([]);
    expect(reserving.filter((code) => code === 200)).toHaveLength(REWARDS);
    const references = holds.flatMap((held) => (held.data ? [held.data.holdReference] : []));

    // Every reward is refunded while the holds pay for orders and payments or are redeemed.
    const refunds = rewards.map((transactionId) => api().refund(customerId, transactionId));
    const spends = references.map((reference, i) =>
      i % 3 === 0 ? order(customerId, reference) : i % 3 === 1 ? payment(customerId, reference) : api().redeem(customerId, { holdReference: reference }),
    );
    const refunded = await Promise.all(refunds);
    const spent = (await Promise.all(spends)).map(codeOf);
    expect(refunded.map(codeOf)).toEqual(rewards.map(() => 200));
    expect(spent.filter((code) => code !== 200 && code !== 9008)).toEqual([]);

    const ledger = await api().ledger(customerId);
    const balance = await api().balance(customerId);
    expectConsistentLedger(ledger, balance.totalPointsBalance);
    const overdrawn = ledger.filter((entry) => SPENDING.has(entry.type) && entry.pointsBalanceAfter < 0);
    expect(overdrawn.map((entry) => [entry.type, entry.transactionId, entry.pointsBalanceAfter])).toEqual([]);
    // A hold whose spending was refused stays open.
    expect(balance.heldPoints).toBe(SHARE * spent.filter((code) => code === 9008).length);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
