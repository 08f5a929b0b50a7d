import { expect, it } from 'vitest';
import { describeOnStorages, shopNet, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { ordersApi, QUOTED_ORDER } from './orders-api.js';

describeOnStorages('order quotes', (server) => {
  // demo: 3 points (1 score) per 10 spent.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);
  const order = QUOTED_ORDER;

  it('quotes what trackOrder then rewards, line by line, and writes nothing', async () => {
    const customerId = await api().customer();
    const entries = await orders().entryCount();
    const { data } = await server().client().POST('/orders/cashback', { body: { customerId, ...order } });
    expect(data).toEqual({
      totalPoints: 27,
      totalScore: 8,
      lineItems: [
        { productId: 'A', quantity: 1, totalDecimalPoints: 11.676, totalPoints: 11, totalScore: 3, rewardWalletFactor: 0.3, campaignId: null, campaignName: null, campaignEndDate: null, campaignImpactWalletFactor: 1, campaignImpactPoints: 0 },
        { productId: 'B', quantity: 2, totalDecimalPoints: 15.324, totalPoints: 15, totalScore: 5, rewardWalletFactor: 0.3, campaignId: null, campaignName: null, campaignEndDate: null, campaignImpactWalletFactor: 1, campaignImpactPoints: 0 },
      ],
    });
    expect(await orders().entryCount()).toBe(entries);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(0);
    const tracked = await orders().track({ customerId, ...order });
    expect(tracked.data?.rewardedPoints).toBe(data?.totalPoints);
    expect(tracked.data?.lineItems.map((l) => l.points)).toEqual(data?.lineItems.map((l) => l.totalPoints));
  });

  it('never creates the customer it quotes for, and needs no secret key', async () => {
    const customerId = uid('nobody');
    const keyOnly = server().client({ apiKey: 'demo_apikey' });
    const quote = await keyOnly.POST('/orders/cashback', { body: { customerId, ...order } });
    expect(quote.data?.totalPoints).toBe(27);
    const preview = await keyOnly.POST('/orders/reward-preview', { body: { customerId, ...order } });
    expect(preview.data).toMatchObject({ customerId, customerFound: false, totalPoints: 27, totalCoupons: 0, eventRewards: null });
    expect(preview.data?.cashback).toEqual(quote.data);
    expect(await orders().customerRow(customerId)).toBeUndefined();
  });

  it('quotes net of tax and shipping where the account says so', async () => {
    const { data } = await server().as(shopNet).POST('/orders/cashback', {
      body: { totalPaid: 250, totalDiscount: 0, totalShipping: 20, totalTax: 30, lineItems: [{ productId: 'A', price: 120, quantity: 1, taxes: 18 }, { productId: 'B', price: 40, quantity: 2, taxes: 12 }] },
    });
    expect(data).toMatchObject({ totalPoints: 100, lineItems: [{ totalPoints: 60, rewardWalletFactor: 0.5 }, { totalPoints: 40 }] });
  });

  it('refuses negative amounts and a line discount above its gross (3003)', async () => {
    const gb = server().client();
    const negative = await gb.POST('/orders/cashback', { body: { ...order, totalPaid: -1 } });
    expect([negative.response.status, negative.error?.code]).toEqual([422, 3003]);
    const tooMuch = await gb.POST('/orders/cashback', { body: { ...order, lineItems: [{ productId: 'A', price: 10, quantity: 1, discount: 10.01 }] } });
    expect([tooMuch.response.status, tooMuch.error?.code]).toEqual([422, 3003]);
    const preview = await gb.POST('/orders/reward-preview', { body: { totalPaid: 10, lineItems: [{ price: 5, quantity: 2, discount: 11 }] } });
    expect(preview.error?.code).toBe(3003);
    const missing = await gb.POST('/orders/cashback', { body: { totalPaid: 10 } as never });
    expect([missing.response.status, missing.error?.code]).toEqual([400, 3000]);
  });
});
