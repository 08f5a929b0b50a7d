import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';
import { ordersApi } from '../orders/orders-api.js';
import { payWith } from './payments-api.js';

describeOnStorages('payments', (server) => {
  // demo: 3 points (1 score) per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const store = () => ordersApi(server().client(), server().store);
  const pay = payWith(server);

  it('rewards each service on amount + tax - discount and creates the customer', async () => {
    const customerId = uid('cust');
    const paymentId = uid('pay');
    const { data } = await pay({ customerId, paymentId, totalTax: 4 });
    // power: 74 x 3 / 10 = 22.2 -> 22 (score 7); topup: 40 x 3 / 10 = 12 (score 4).
    expect(data).toEqual({
      customerId,
      redeemedPoints: 0,
      rewardedPoints: 34,
      paymentDetails: [
        { serviceId: 'power', decimalPoints: 22.2, points: 22, score: 7 },
        { serviceId: 'topup', decimalPoints: 12, points: 12, score: 4 },
      ],
    });
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => [e.type, e.points, e.transactionId])).toEqual([['PaymentReward', 34, paymentId]]);
    expect(await store().orderRows(paymentId)).toMatchObject([{ kind: 'payment', rewarded_points: 34 }]);
    expect(await store().customerRow(customerId)).toMatchObject({ amount_spent: '114', orders_count: 1 });
  });

  it('refuses a used paymentId (9004) and writes nothing', async () => {
    const customerId = uid('cust');
    const paymentId = uid('pay');
    await pay({ customerId, paymentId });
    const entries = await store().entryCount();
    const again = await pay({ customerId, paymentId, totalPaid: 1000 });
    expect([again.response.status, again.error?.code]).toEqual([422, 9004]);
    expect(await store().entryCount()).toBe(entries);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(34);
  });

  it('is paid with a hold and refunded by its paymentId', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 200);
    const hold = (await api().hold(customerId, { pointsToHold: 100 })).data!;
    const paymentId = uid('pay');
    const { data } = await pay({ customerId, paymentId, redemption: { pointsHoldReference: hold.holdReference } });
    expect(data).toMatchObject({ redeemedPoints: 100, rewardedPoints: 34 });
    const refund = await api().refund(customerId, paymentId);
    expect(refund.data).toMatchObject({ refundAmount: 114, refundEquivalentPoints: 100 });
    const balance = await api().balance(customerId);
    expect(balance.totalPointsBalance).toBe(200);
    expectConsistentLedger(await api().ledger(customerId), balance.totalPointsBalance);
  });

  it('refuses a bad payment date with 3003 and a future one with 9007', async () => {
    const customerId = uid('cust');
    expect((await pay({ customerId, paymentDate: '2024-13-01T00:00:00Z' })).error?.code).toBe(3003);
    expect((await pay({ customerId, paymentDate: '2999-01-01T00:00:00Z' })).error?.code).toBe(9007);
    expect(await store().customerRow(customerId)).toBeUndefined();
  });

  it('keeps every stored wallet equal to its ledger', async () => {
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
