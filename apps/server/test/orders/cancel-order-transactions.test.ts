import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';
import { orderPaidWithPoints, ordersApi } from './orders-api.js';

describeOnStorages("an order's transactions", (server) => {
  // demo: 3 points per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);

  const paidOrder = () => orderPaidWithPoints(server().client(), server().store);

  it('cancels what is left (Cancel the reward, Refund the points paid with), then answers 9001', async () => {
    const { customerId, orderId } = await paidOrder();
    expect((await api().balance(customerId)).totalPointsBalance).toBe(480);
    const { data } = await orders().cancel(orderId);
    expect(data).toMatchObject({ orderId, customerId, cancelledPoints: 30, refundedPoints: 50 });
    expect(data?.transactions.map((t) => [t.transactionType, t.equivalentPoints])).toEqual([['Refund', 50], ['Cancel', 30]]);
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 500, totalEarnedPoints: 500 });
    const again = await orders().cancel(orderId);
    expect([again.response.status, again.error?.code]).toEqual([422, 9001]);
    expect((await orders().transactions(orderId)).data?.transactions.map((t) => t.transactionType)).toEqual(['Redemption', 'PaymentReward', 'Refund', 'Cancel']);
    expect(await orders().orderRows(orderId)).toMatchObject([{ status: 'cancelled' }]);
    expectConsistentLedger(await api().ledger(customerId), balance.totalPointsBalance);
  });

  it('gives back the points of an order paid wholly with points, by cancel or by refund', async () => {
    for (const how of ['cancel', 'refund'] as const) {
      const customerId = await api().customer();
      await api().manual(customerId, 500);
      const orderId = uid('ord');
      const hold = (await api().hold(customerId, { pointsToHold: 100 })).data!;
      const redemption = { pointsHoldReference: hold.holdReference };
      const { data } = await orders().track({ customerId, orderId, totalPrice: 10, totalDiscount: 10, totalPaid: 0, redemption });
      expect(data).toMatchObject({ redeemedPoints: 100, rewardedPoints: 0 });
      expect((await api().balance(customerId)).totalPointsBalance).toBe(400);
      const first = how === 'cancel' ? await orders().cancel(orderId) : await api().refund(customerId, orderId);
      expect(first.error, how).toBeUndefined();
      expect((await api().balance(customerId)).totalPointsBalance).toBe(500);
      const again = how === 'cancel' ? await orders().cancel(orderId) : await api().refund(customerId, orderId);
      expect(again.error?.code, how).toBe(9001);
      expectConsistentLedger(await api().ledger(customerId), 500);
    }
  });

  it('refunds the order when a cashback reused its ID, leaving the cashback alone', async () => {
    const customerId = await api().customer();
    const shared = uid('same');
    expect((await api().cashback(customerId, 200, shared)).error).toBeUndefined(); // 60 points
    expect((await orders().track({ customerId, orderId: shared, totalPaid: 100 })).data?.rewardedPoints).toBe(30);
    const refund = await api().refund(customerId, shared);
    expect([refund.error, refund.data?.refundAmount, refund.data?.refundEquivalentPoints]).toEqual([undefined, 100, 30]);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(60);
  });

  it('refunds an order through /transactions/refund by its orderId, and a cancel takes the rest', async () => {
    const { customerId, orderId } = await paidOrder();
    const half = await api().refund(customerId, orderId, 50); // half of the 100 paid
    expect(half.data).toMatchObject({ refundAmount: 50, refundEquivalentPoints: 25 });
    const listed = (await orders().transactions(orderId)).data!.transactions;
    expect(listed.slice(2).map((t) => [t.transactionType, t.equivalentPoints])).toEqual([['Refund', 25], ['Cancel', 15]]);
    const rest = await orders().cancel(orderId);
    expect(rest.data).toMatchObject({ cancelledPoints: 15, refundedPoints: 25 });
    expect((await api().refund(customerId, orderId)).error?.code).toBe(9001);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(500);
  });

  it('keeps every stored wallet equal to its ledger', async () => {
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
