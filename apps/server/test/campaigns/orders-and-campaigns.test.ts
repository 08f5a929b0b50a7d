import { expect, it } from 'vitest';
import { ordersApi } from '../orders/orders-api.js';
import { describeOnStorages, shop } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('orders and reward campaigns', (server) => {
  const api = campaignApi(server);
  const orders = () => ordersApi(api.gb(), server().store);
  const order = {
    totalPaid: 320,
    totalDiscount: 0,
    totalShipping: 0,
    lineItems: [
      { productId: 'S', price: 20, quantity: 1, collection: ['summer'] },
      { productId: 'W', price: 300, quantity: 1, collection: ['winter'] },
    ],
  };

  it('the order preview shows Big spender (place_order, total_paid >= 300) and the order then earns it once; summer lines earn 2x', async () => {
    const customerId = await api.customer();
    const preview = await api.gb().POST('/orders/reward-preview', { body: { customerId, ...order } });
    expect(preview.data?.eventRewards?.campaigns.map((c) => [c.campaignId, c.reason, c.points])).toEqual([[107, 'Rewarded', 40]]);
    const cashback = preview.data!.cashback.totalPoints;
    expect(cashback).toBe(20 * 2 + 300); // the summer line doubled by campaign 104
    expect(preview.data?.totalPoints).toBe(cashback + 40);
    const before = (await api.points().balance(customerId)).totalPointsBalance;
    const tracked = await orders().track({ customerId, ...order });
    expect(tracked.error).toBeUndefined();
    expect(await api.achieved(customerId)).toEqual([107]);
    const after = await api.expectConsistent(customerId);
    expect(after.totalPointsBalance - before).toBeGreaterThanOrEqual(preview.data!.totalPoints); // plus any tier entry reward
    await orders().track({ customerId, ...order });
    expect(await api.achieved(customerId)).toEqual([107]); // not repeatable
    const again = await api.gb().POST('/orders/reward-preview', { body: { customerId, ...order } });
    expect(again.data?.eventRewards?.campaigns).toEqual([]);
    expect(shop.program.campaigns.find((c) => c.id === 107)?.visibility).toBe('VisibleIfEarned');
  });
});
