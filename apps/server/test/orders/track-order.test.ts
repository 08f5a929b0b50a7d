import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, shop, shopNet, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';
import { ordersApi } from './orders-api.js';

describeOnStorages('tracking orders', (server) => {
  // demo: 3 points (and 1 score) per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const orders = (gb = server().client()) => ordersApi(gb, server().store);

  it('spreads a discount mismatch over the lines and rounds each line down (behaviour §4.1)', async () => {
    const customerId = uid('cust'); // unknown: the order creates the customer
    const { data, error } = await orders().track({
      customerId,
      totalPaid: 95,
      totalShipping: 5,
      lineItems: [
        { productId: 'A', price: 50, quantity: 1, discount: 2 }, // net 48
        { productId: 'B', price: 30, quantity: 2, taxes: 3 }, // net 63
        { productId: 'C', price: -5, quantity: 1 }, // negative price: left out
      ],
    });
    expect(error).toBeUndefined();
    // mismatch = 48 + 63 + 5 - 95 = 21, spread over the lines by their net:
    //   A: round(48 / 111 x 21, 2) = 9.08 -> 38.92; B: round(63 / 111 x 21, 2) = 11.92 -> 51.08.
    // Points per line: 38.92 x 3 / 10 = 11.676 -> 11 (score 3.892 -> 3); 51.08 x 3 / 10 = 15.324 -> 15 (score 5).
    // The lines earn on 90; the other 5 of totalPaid (shipping) earns 1.5 -> 1 at the order level.
    expect(data).toEqual({
      customerId,
      redeemedPoints: 0,
      rewardedPoints: 27,
      lineItems: [
        { productId: 'A', quantity: 1, decimalPoints: 11.676, points: 11, score: 3 },
        { productId: 'B', quantity: 2, decimalPoints: 15.324, points: 15, score: 5 },
        { productId: 'C', quantity: 1, decimalPoints: 0, points: 0, score: 0 },
      ],
    });
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 27, totalEarnedPoints: 27, score: { scoreBalance: 8 } });
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => [e.type, e.direction, e.points, e.amount])).toEqual([['PaymentReward', '+', 27, 95]]);
    expectConsistentLedger(entries, balance.totalPointsBalance);
  });

  it('with no lines earns on the whole of totalPaid, and below the threshold earns nothing', async () => {
    const customerId = uid('cust');
    expect((await orders().track({ customerId, totalPaid: 101.99 })).data?.rewardedPoints).toBe(30); // 30.597
    expect((await orders().track({ customerId, totalPaid: 9.99 })).data?.rewardedPoints).toBe(0);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(30);
  });

  it('with the tax and shipping exclusion on, shipping and tax earn nothing (the worked example of §3.2)', async () => {
    const gb = server().as(shopNet); // 5 points per 10
    const customerId = uid('cust');
    const orderId = uid('ord');
    const { data } = await orders(gb).track({
      customerId,
      orderId,
      totalPaid: 250,
      totalShipping: 20,
      totalTax: 30,
      lineItems: [
        { productId: 'A', price: 120, quantity: 1, taxes: 18 }, // 120 net of tax
        { productId: 'B', price: 40, quantity: 2, taxes: 12 }, // 80 net of tax
      ],
    });
    // Eligible 250 - 20 - 30 = 200: A 120 x 5 / 10 = 60, B 80 x 5 / 10 = 40 (without exclusion: 125).
    expect(data?.lineItems.map((l) => l.points)).toEqual([60, 40]);
    expect(data?.rewardedPoints).toBe(100);
    const onlyExtras = await orders(gb).track({ customerId, totalPaid: 50, totalShipping: 20, totalTax: 30 });
    expect(onlyExtras.data?.rewardedPoints).toBe(0);
    expect((await pointsApi(gb).balance(customerId)).totalPointsBalance).toBe(100);
    expect((await orders(gb).orderRows(orderId))[0]?.eligible_amount).toBe('200');
  });

  it('refuses a used orderId with 9004 and writes nothing, not even a new customer', async () => {
    const customerId = uid('cust');
    const orderId = uid('ord');
    expect((await orders().track({ customerId, orderId, totalPaid: 100 })).data?.rewardedPoints).toBe(30);
    const before = await orders().customerRow(customerId);
    const entries = await orders().entryCount();
    const again = await orders().track({ customerId, orderId, totalPaid: 500 });
    expect(again.response.status).toBe(422);
    expect(again.error).toMatchObject({ code: 9004, type: 'TRANSACTIONS_ERROR' });
    const stranger = uid('cust');
    expect((await orders().track({ customerId: stranger, orderId, totalPaid: 50 })).error?.code).toBe(9004);
    expect(await orders().customerRow(stranger)).toBeUndefined();
    expect(await orders().entryCount()).toBe(entries);
    expect(await orders().customerRow(customerId)).toEqual(before);
    expect(await orders().orderRows(orderId)).toHaveLength(1);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(30);
  });

  it('records a guest order on a new guest profile with its email', async () => {
    const customerId = uid('guest');
    const { data } = await orders().track({ customerId, guest: true, email: 'guest@example.com', totalPaid: 40 });
    expect(data?.rewardedPoints).toBe(12);
    expect(await orders().customerRow(customerId)).toMatchObject({ is_guest: 1, email: 'guest@example.com', orders_count: 1, amount_spent: '40' });
    expect((await orders().orderRows((await api().ledger(customerId))[0]!.transactionId))[0]).toMatchObject({ guest: 1 });
    // An existing customer's profile is not turned into a guest by an order.
    const member = await api().customer();
    await orders().track({ customerId: member, guest: true, totalPaid: 10 });
    expect((await orders().customerRow(member))?.is_guest).toBe(0);
  });

  it("stores an opted-out customer's order but awards nothing, and refuses paying with points (3009)", async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const hold = (await api().hold(customerId, { pointsToHold: 10 })).data!;
    await orders().optOut(customerId);
    const orderId = uid('ord');
    // redeemedAmount is a discount given elsewhere: it spends nothing, so it is no reason to refuse.
    const { data } = await orders().track({ customerId, orderId, totalPaid: 200, redeemedAmount: 1 });
    expect(data).toMatchObject({ rewardedPoints: 0, redeemedPoints: 0 });
    expect(await orders().orderRows(orderId)).toMatchObject([{ rewarded_points: 0, status: 'placed' }]);
    const paying = await orders().track({ customerId, totalPaid: 200, redemption: { pointsHoldReference: hold.holdReference } });
    expect(paying.error?.code).toBe(3009);
    expect((await api().ledger(customerId)).map((e) => e.type)).toEqual(['ManualAccumulation']);
  });

  it('refuses bad dates and negative amounts with Gameball errors and writes nothing', async () => {
    const customerId = uid('cust');
    const cases: Array<[object, number, number]> = [
      [{ orderDate: '2024-02-30T10:00:00Z' }, 422, 3003],
      [{ orderDate: '2999-01-01T00:00:00Z' }, 422, 9007],
      [{ totalPaid: -1 }, 422, 3003],
      [{ totalShipping: -5 }, 422, 3003],
      [{ lineItems: [{ productId: 'x', price: 10, quantity: -1 }] }, 422, 3003],
      [{ orderId: '' }, 422, 3003],
    ];
    for (const [body, status, code] of cases) {
      const { error, response } = await orders().track({ customerId, totalPaid: 10, ...(body as { totalPaid?: number }) });
      expect([response.status, error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const missing = await server().client().POST('/orders', { body: { customerId, orderId: uid('ord'), totalPaid: 10 } as never });
    expect([missing.response.status, missing.error?.code]).toEqual([400, 3000]);
    expect(await orders().customerRow(customerId)).toBeUndefined();
  });

  it("raises the shop customer's tier progress by the money paid, never by the part paid with points", async () => {
    const gb = server().as(shop); // 1 point per 1, a point worth 0.1
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    await pointsApi(gb).manual(customerId, 300);
    const orderId = uid('ord');
    // 150 of goods: 20 paid with 200 held points, 130 with money.
    const hold = (await pointsApi(gb).hold(customerId, { pointsToHold: 200 })).data!;
    const redemption = { pointsHoldReference: hold.holdReference };
    const { data } = await orders(gb).track({ customerId, orderId, totalPrice: 150, totalDiscount: 20, totalPaid: 130, redemption });
    expect(data).toMatchObject({ redeemedPoints: 200, rewardedPoints: 130 });
    const row = await orders(gb).customerRow(customerId);
    expect(row).toMatchObject({ amount_spent: '130', orders_count: 1 });
    expect(JSON.parse(row!.attributes)).toMatchObject({ totalSpent: 130, totalOrders: 1, avgOrderAmount: 130 });
    await orders(gb).track({ customerId, totalPaid: 20.5 });
    expect(await orders(gb).customerRow(customerId)).toMatchObject({ amount_spent: '150.5', orders_count: 2 });
    const listed = await orders(gb).transactions(orderId);
    expect(listed.data?.transactions.map((t) => [t.transactionType, t.equivalentPoints, t.amount])).toEqual([
      ['Redemption', 200, 20],
      ['PaymentReward', 130, 130],
    ]);
  });

  it('keeps every stored wallet equal to its ledger', async () => {
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
