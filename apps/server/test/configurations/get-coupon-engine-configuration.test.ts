import { expect, it } from 'vitest';
import { demo, describeOnStorages } from '../support/harness.js';

describeOnStorages('the coupon engine settings', (server) => {
  it('are the defaults until set, and need the secret key (they may hold credentials)', async () => {
    const { data } = await server().client().GET('/configurations/coupon');
    expect(data).toEqual({
      queryParams: [], headers: [], couponMapping: {}, platforms: [],
      enableFreeProduct: true, enableFixedRate: true, enableFreeShipping: true, enablePercentage: true,
    });
    expect((await server().client({ apiKey: demo.apiKey }).GET('/configurations/coupon')).error).toMatchObject({ code: 1001 });
  });
});
