import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { ordersApi } from './orders-api.js';

describeOnStorages("an order's transactions", (server) => {
  // demo: 3 points per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);

  /** A customer with 500 points who paid 100 of an order in money and 5 (50 points) with points. */
  async function paidOrder() {
    const customerId = await api().customer();
    await api().manual(customerId, 500);
    const orderId = uid('ord');
    const hold = (await api().hold(customerId, { pointsToHold: 50 })).data!;
    const redemption = { pointsHoldReference: hold.holdReference };
    const { data } = await orders().track({ customerId, orderId, totalPrice: 105, totalDiscount: 5, totalPaid: 100, redemption });
    expect(data).toMatchObject({ redeemedPoints: 50, rewardedPoints: 30 });
    return { customerId, orderId };
  }

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
