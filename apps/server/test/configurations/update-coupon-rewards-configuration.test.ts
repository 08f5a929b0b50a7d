import { expect, it } from 'vitest';
import { couponShop, freshStorage, startServer, storages } from '../support/harness.js';
import { describe } from 'vitest';

describe.each(storages)('changing the coupon settings on %s', (kind) => {
  it('changes the fields sent, keeps the others, clears a limit with null, and outlives a restart', async () => {
    const location = await freshStorage(kind);
    const first = await startServer(location);
    try {
      const gb = first.as(couponShop);
      const changed = await gb.PUT('/configurations/rewards/coupons', { body: { maximumCoupons: null, expirationSettings: { defaultExpiryDays: 7 } } });
      expect(changed.data).toEqual({ success: true, message: expect.any(String) });
      await gb.PUT('/configurations/rewards/coupons', { body: { couponTypes: ['custom'] } });
      expect((await gb.PUT('/configurations/rewards/coupons', { body: {} })).error).toMatchObject({ code: 3003 });
    } finally {
      await first.close();
    }
    const second = await startServer(location);
    try {
      const read = await second.as(couponShop).GET('/configurations/rewards/coupons');
      expect(read.data).toEqual({ enabled: true, couponTypes: ['custom'], expirationSettings: { defaultExpiryDays: 7, maxExpiryDays: 365 } });
      // Another account's settings are its own.
      expect((await second.client().GET('/configurations/rewards/coupons')).data).toMatchObject({ couponTypes: expect.arrayContaining(['percentage_discount']) });
    } finally {
      await second.close();
      await location.drop();
    }
  });

  it('needs the secret key to change them (401/1001)', async () => {
    const location = await freshStorage(kind);
    const server = await startServer(location);
    try {
      const publicOnly = server.client({ apiKey: couponShop.apiKey });
      expect((await publicOnly.PUT('/configurations/rewards/coupons', { body: { enabled: false } })).error).toMatchObject({ code: 1001 });
      expect((await publicOnly.GET('/configurations/rewards/coupons')).data).toMatchObject({ enabled: true });
    } finally {
      await server.close();
      await location.drop();
    }
  });
});
