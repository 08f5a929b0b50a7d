import { expect, it } from 'vitest';
import { describeOnStorages, nowIso, shop, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

describeOnStorages('refunds', (server) => {
  const api = () => pointsApi(server().client());

  it('gives a refunded redemption\'s points back (Refund, +), in parts that add up to the whole', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 200);
    const redemption = uid('red');
    await api().redeem(customerId, { points: 101 }, redemption); // worth 10.1
    const first = await api().refund(customerId, redemption, 3.33);
    expect(first.data).toMatchObject({ refundAmount: 3.33, refundEquivalentPoints: 33 });
    const rest = await api().refund(customerId, redemption);
    expect(rest.data).toMatchObject({ refundAmount: 6.77, refundEquivalentPoints: 68 });
    const again = await api().refund(customerId, redemption, 1);
    expect(again.response.status).toBe(422);
    expect(again.error?.code).toBe(9001);
    const entries = await api().ledger(customerId);
    expect(entries.slice(2).map((e) => [e.type, e.direction, e.points])).toEqual([
      ['Refund', '+', 33],
      ['Refund', '+', 68],
    ]);
    const balance = await api().balance(customerId);
    expect(balance.totalPointsBalance).toBe(200);
    expectConsistentLedger(entries, balance.totalPointsBalance);
  });

  it('takes a refunded reward\'s points away (Cancel, -): 12.50 of 100 at 1 point per 1 is 12', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 40, payment); // 12 points
    const partial = await api().refund(customerId, payment, 12.5);
    expect(partial.data).toMatchObject({ refundEquivalentPoints: 3 }); // floor(12 x 12.5 / 40)
    const full = await api().refund(customerId, payment);
    expect(full.data).toMatchObject({ refundAmount: 27.5, refundEquivalentPoints: 9 });
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 0, totalEarnedPoints: 0, score: { scoreBalance: 0 } });
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => [e.type, e.direction, e.points])).toEqual([
      ['PaymentReward', '+', 12],
      ['Cancel', '-', 3],
      ['Cancel', '-', 9],
    ]);
  });

  it('may take a customer below zero only by cancelling a reward already spent', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 100, payment); // 30 points
    await api().redeem(customerId, { points: 30 });
    await api().refund(customerId, payment);
    const balance = await api().balance(customerId);
    expect(balance.totalPointsBalance).toBe(-30);
    expect(balance.availablePointsBalance).toBe(0);
    expect((await api().redeem(customerId, { points: 1 })).error?.code).toBe(9008);
    await api().manual(customerId, 50);
    expect((await api().balance(customerId)).availablePointsBalance).toBe(20);
  });

  it('reverses both a reward and a redemption under one ID, pro rata', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const order = uid('order');
    await api().redeem(customerId, { points: 50 }, order); // paid 5.00 with points
    await api().cashback(customerId, 200, order); // and earned 60 points on 200
    const half = await api().refund(customerId, order, 100);
    expect(half.data?.refundEquivalentPoints).toBe(25);
    const entries = await api().ledger(customerId);
    expect(entries.slice(-2).map((e) => [e.type, e.points])).toEqual([
      ['Refund', 25],
      ['Cancel', 30],
    ]);
    expectConsistentLedger(entries, (await api().balance(customerId)).totalPointsBalance);
  });

  it('names its errors: unknown original 9005, manual 9000, too much 3011, reused ID 9004', async () => {
    const customerId = await api().customer();
    expect((await api().refund(customerId, uid('nothing'))).error?.code).toBe(9005);
    const manual = uid('man');
    await api().manual(customerId, 10, manual);
    expect((await api().refund(customerId, manual)).error?.code).toBe(9000);
    const payment = uid('pay');
    await api().cashback(customerId, 50, payment);
    const tooMuch = await api().refund(customerId, payment, 50.01);
    expect(tooMuch.response.status).toBe(422);
    expect(tooMuch.error?.code).toBe(3011);
    const refundId = uid('ref');
    expect((await api().refund(customerId, payment, 10, refundId)).response.status).toBe(200);
    expect((await api().refund(customerId, payment, 10, refundId)).error?.code).toBe(9004);
    // Another customer cannot refund this customer's payment.
    const other = await api().customer();
    expect((await api().refund(other, payment)).error?.code).toBe(9005);
    expect(await api().ledger(customerId)).toHaveLength(3);
  });

  it('takes the refund amount from the lines when no refundAmount is given', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 100, payment);
    const { data } = await server().client().POST('/transactions/refund', {
      body: {
        customerId,
        refundTransactionId: uid('ref'),
        reverseTransactionId: payment,
        transactionTime: new Date().toISOString(),
        lineItems: [{ productId: 'mat', quantity: 2, price: 10, taxes: 1, discount: 1 }],
      },
    });
    expect(data).toMatchObject({ refundAmount: 20, refundEquivalentPoints: 6 });
  });

  it("takes only the base points back on a refund without lines, never a campaign's bonus; the full refund takes the rest", async () => {
    const gb = server().as(shop); // 1 point per 1; campaign 104 doubles the summer collection
    const shopApi = pointsApi(gb);
    const customerId = uid('cust');
    const orderId = uid('ord');
    const order = await gb.POST('/orders', {
      body: { customerId, orderId, orderDate: nowIso(), totalPaid: 25, lineItems: [{ productId: 'towel', price: 25, quantity: 1, collection: ['summer'] }] },
    });
    expect(order.data).toMatchObject({ rewardedPoints: 50 }); // 25 base, doubled
    const part = await shopApi.refund(customerId, orderId, 10);
    expect(part.data).toMatchObject({ refundAmount: 10, refundEquivalentPoints: 10 }); // 10 of the 25 base points
    const rest = await shopApi.refund(customerId, orderId);
    expect(rest.data).toMatchObject({ refundAmount: 15, refundEquivalentPoints: 40 });
    const cancels = (await shopApi.ledger(customerId)).filter((e) => e.type === 'Cancel').map((e) => e.points);
    expect(cancels).toEqual([10, 40]);
  });
});
