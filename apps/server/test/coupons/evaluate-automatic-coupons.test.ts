import { expect, it } from 'vitest';
import { couponShop, demo, describeOnStorages, uid } from '../support/harness.js';
import { storeDigest } from '../support/store-digest.js';

describeOnStorages('automatic promotions', (server) => {
  const evaluate = (body: Record<string, unknown>, keys: { apiKey: string; secretKey?: string } = { apiKey: couponShop.apiKey }) =>
    server().client(keys).POST('/coupons/automatic', { body: { customerId: uid('cust'), cartId: uid('cart'), ...body } as never });

  it('answers the promotion giving the largest discount, and reads nothing about the customer (the public key suffices)', async () => {
    const before = await storeDigest(server().store);
    // 15 off everything beats 10% of 100 worth of shoes; free shipping needs 100 before discounts.
    const cart = { totalPrice: 90, totalShipping: 20, lineItems: [{ productId: 'runner', price: 90, quantity: 1, collection: ['shoes'] }] };
    expect((await evaluate(cart)).data).toEqual({ isApplied: true, couponName: '15 off everything', discountAmount: 15, discountType: 'fixed', discountedItems: [] });
    // 10% of 300 is 30, capped at 25; free shipping of 40 wins at 120.
    const shoes = { totalPrice: 300, totalShipping: 0, lineItems: [{ productId: 'boot', price: 150, quantity: 2, collection: ['shoes'] }] };
    expect((await evaluate(shoes)).data).toMatchObject({ couponName: '10% off shoes, at most 25', discountAmount: 25, discountType: 'percentage' });
    expect((await evaluate({ totalPrice: 120, totalShipping: 40 })).data).toMatchObject({ couponName: 'Free shipping over 100', discountAmount: 40 });
    expect(await storeDigest(server().store)).toEqual(before);
  });

  it('gives the cheapest eligible units of a buy-X-get-Y promotion, per line', async () => {
    const cart = { lineItems: [{ productId: 'sock', price: 12.5, quantity: 4 }, { productId: 'sock', price: 9.99, quantity: 2 }, { productId: 'hat', price: 1, quantity: 9 }] };
    // 6 socks: 2 free, the two cheapest (9.99 each); 19.98 beats 15 off.
    expect((await evaluate(cart)).data).toEqual({
      isApplied: true,
      couponName: 'Socks: buy 2, get 1 free',
      discountAmount: 19.98,
      discountType: 'buyXgetY',
      discountedItems: [{ productId: 'sock', quantity: 2, discount: 19.98, price: 9.99 }],
    });
  });

  it('applies nothing to an empty cart, and ignores expired and switched-off promotions', async () => {
    expect((await evaluate({ totalPrice: 0 })).data).toEqual({ isApplied: false, discountAmount: 0, discountedItems: [] });
    // 500 and 400 off would win if they counted.
    expect((await evaluate({ totalPrice: 1000, lineItems: [{ productId: 'tv', price: 1000, quantity: 1 }] })).data).toMatchObject({ couponName: '15 off everything' });
  });

  it('answers the demo account\'s example: one T-shirt free of two', async () => {
    const cart = { totalPrice: 130, totalShipping: 10, lineItems: [{ productId: 'tshirt-01', price: 50, quantity: 2, collection: ['14313'] }, { productId: 'cap-02', price: 30, quantity: 1 }] };
    expect((await evaluate(cart, { apiKey: demo.apiKey })).data).toMatchObject({ isApplied: true, discountAmount: 50, discountedItems: [{ productId: 'tshirt-01', quantity: 1, discount: 50, price: 50 }] });
  });
});
