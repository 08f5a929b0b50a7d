import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { ordersApi, QUOTED_ORDER } from './orders-api.js';

describeOnStorages('order quotes', (server) => {
  // demo: 3 points (1 score) per 10 spent.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);
  const order = QUOTED_ORDER;

  it('previews a known customer with the place_order event, and an opted-out one without it', async () => {
    const customerId = await api().customer();
    const { data } = await server().client().POST('/orders/reward-preview', { body: { customerId, ...order } });
    expect(data).toMatchObject({ customerFound: true, cashback: { totalPoints: 27 } });
    expect(data?.eventRewards).not.toBeNull();
    expect(data?.totalPoints).toBe(27 + data!.eventRewards!.totalPoints!);
    await orders().optOut(customerId);
    const optedOut = await server().client().POST('/orders/reward-preview', { body: { customerId, ...order } });
    expect(optedOut.data).toMatchObject({ customerFound: true, totalPoints: 27, eventRewards: null });
    expect(await api().ledger(customerId)).toHaveLength(0);
  });
});
