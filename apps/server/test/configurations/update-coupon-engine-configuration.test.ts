import { describe, expect, it } from 'vitest';
import { demo, freshStorage, startServer, storages } from '../support/harness.js';

describe.each(storages)('replacing the coupon engine settings on %s', (kind) => {
  it('stores the whole configuration (what is left out takes its default), answers it as stored, and keeps it across a restart', async () => {
    const location = await freshStorage(kind);
    const first = await startServer(location);
    const sent = {
      url: 'https://api.shop.example.com/coupons',
      method: 'POST' as const,
      headers: [{ key: 'X-Token', value: 'secret' }],
      payload: '{ "code": "{{code}}" }',
      couponMapping: { fixed: 'fixed_discount' },
      enableFreeProduct: false,
    };
    const expected = {
      url: sent.url, method: 'POST', queryParams: [], headers: sent.headers, payload: sent.payload, couponMapping: { fixed: 'fixed_discount' },
      enableFreeProduct: false, enableFixedRate: true, enableFreeShipping: true, enablePercentage: true, platforms: [],
    };
    try {
      expect((await first.client().PUT('/configurations/coupon', { body: sent })).data).toEqual(expected);
      const publicOnly = first.client({ apiKey: demo.apiKey });
      expect((await publicOnly.PUT('/configurations/coupon', { body: { url: 'https://evil.example.com', method: 'GET' } })).error).toMatchObject({ code: 1001 });
      expect((await first.client().PUT('/configurations/coupon', { body: { url: 'not a url', method: 'POST' } as never })).error).toMatchObject({ code: 3003 });
    } finally {
      await first.close();
    }
    const second = await startServer(location);
    try {
      expect((await second.client().GET('/configurations/coupon')).data).toEqual(expected);
      const replaced = await second.client().PUT('/configurations/coupon', { body: { url: 'https://b.example.com/c', method: 'PUT' } });
      expect(replaced.data).toMatchObject({ url: 'https://b.example.com/c', method: 'PUT', headers: [], couponMapping: {}, enableFreeProduct: true });
      expect(replaced.data).not.toHaveProperty('payload');
    } finally {
      await second.close();
      await location.drop();
    }
  });
});
