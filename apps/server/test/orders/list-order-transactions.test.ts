import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { orderPaidWithPoints, ordersApi } from './orders-api.js';

describeOnStorages("an order's transactions", (server) => {
  // demo: 3 points per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);

  const paidOrder = () => orderPaidWithPoints(server().client(), server().store);

  it('lists the reward and the redemption with their points', async () => {
    const { customerId, orderId } = await paidOrder();
    const { data } = await orders().transactions(orderId);
    expect(data?.count).toBe(2);
    expect(data?.transactions.map((t) => [t.transactionType, t.direction, t.equivalentPoints, t.amount, t.transactionId])).toEqual([
      ['Redemption', '-', 50, 5, orderId],
      ['PaymentReward', '+', 30, 100, orderId],
    ]);
    expect((await orders().transactions(orderId, customerId)).data?.count).toBe(2);
  });

  it('answers 9002 for an unknown order, 7000 for an unknown customer and 9002 for another customer\'s order', async () => {
    const { orderId } = await paidOrder();
    const unknown = uid('ord');
    for (const answer of [await orders().transactions(unknown), await orders().cancel(unknown)]) {
      expect([answer.response.status, answer.error?.code]).toEqual([404, 9002]);
    }
    const ghost = uid('ghost');
    for (const answer of [await orders().transactions(orderId, ghost), await orders().cancel(orderId, ghost)]) {
      expect([answer.response.status, answer.error?.code]).toEqual([404, 7000]);
    }
    const other = await api().customer();
    for (const answer of [await orders().transactions(orderId, other), await orders().cancel(orderId, other)]) {
      expect([answer.response.status, answer.error?.code]).toEqual([404, 9002]);
    }
    expect(await orders().customerRow(ghost)).toBeUndefined();
    expect((await orders().transactions(orderId)).data?.count).toBe(2);
  });
});
