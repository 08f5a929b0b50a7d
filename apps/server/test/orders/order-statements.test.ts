import { describe, expect, it } from 'vitest';
import { statementCountingServer } from '../support/counting-store.js';
import { nowIso, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/** Tracking an order costs the same for a customer with 5 orders and one with 300. */
describe('statements per order', () => {
  const counting = statementCountingServer();
  const count = counting.count;

  it('does not grow with the number of orders', async () => {
    const gb = counting.server().client();
    const order = (customerId: string, extra: Record<string, unknown> = {}) =>
      gb.POST('/orders', {
        body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 40, lineItems: [{ productId: 'a', price: 20, quantity: 2 }], ...extra },
      });
    const figures = async (customerId: string) => ({
      order: await count(() => order(customerId)),
      paidWithPoints: await (async () => {
        const hold = (await pointsApi(gb).hold(customerId, { pointsToHold: 1 })).data!;
        return count(() => order(customerId, { redemption: { pointsHoldReference: hold.holdReference } }));
      })(),
      list: await count(() => gb.GET('/orders/{orderId}/transactions', { params: { path: { orderId: uid('none') } } })),
    });
    const api = pointsApi(gb);
    const small = await api.customer();
    const large = await api.customer();
    for (let n = 0; n < 5; n++) await order(small);
    for (let n = 0; n < 300; n++) await order(large);
    const few = await figures(small);
    expect(await figures(large)).toEqual(few);
    // Alone: lock, claim, wallet, the reward entry and its lot, the order row, the customer's
    // figures, save the wallet (8); the tier, campaign and referral hooks add their own.
    expect(few.order).toBeGreaterThanOrEqual(8);
  });
});
