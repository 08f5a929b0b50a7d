import { expect, it } from 'vitest';
import { notificationsApi } from './notifications-api.js';
import { climb, describeOnStorages } from '../support/harness.js';

describeOnStorages('customer notifications', (server) => {
  const { list, climber } = notificationsApi(server);

  it('a tier upgrade notifies the customer once per tier, rendered in English or Arabic when read', async () => {
    const customerId = await climber();
    const en = await list(customerId);
    expect(en.error).toBeUndefined();
    expect(en.data).toMatchObject({ count: 3, hasMore: false });
    expect(en.data!.notifications.map((n) => [n.title, n.body, n.lang, n.isRead, n.icon])).toEqual([
      ['New level!', 'Keep it up! You are now on Silver.', 'en', false, 'https://cdn.example.com/climb/silver.png'],
      ['New level!', 'Keep it up! You are now on Gold.', 'en', false, 'https://cdn.example.com/climb/gold.png'],
      ['New level!', 'Keep it up! You are now on Platinum.', 'en', false, 'https://cdn.example.com/climb/platinum.png'],
    ]);
    const ar = await list(customerId, { lang: 'ar' });
    expect(ar.data!.notifications[1]).toMatchObject({ title: 'مستوى جديد!', body: 'أحسنت! أنت الآن في مستوى ذهبي.', lang: 'ar' });
    expect(ar.data!.notifications.map((n) => n.notificationId)).toEqual(en.data!.notifications.map((n) => n.notificationId));
    // A language the account does not have falls back to its default.
    expect((await list(customerId, { lang: 'fr' })).data!.notifications[0]).toMatchObject({ lang: 'en', title: 'New level!' });
  });

  it('pages with startAfter and limit', async () => {
    const customerId = await climber();
    const first = await list(customerId, { limit: 2 });
    expect(first.data).toMatchObject({ count: 2, hasMore: true });
    const last = first.data!.notifications.at(-1)!.notificationId;
    const second = await list(customerId, { limit: 2, startAfter: Number(last) });
    expect(second.data).toMatchObject({ count: 1, hasMore: false });
    expect(second.data!.notifications[0]!.body).toContain('Platinum');
    expect(Number(second.data!.notifications[0]!.notificationId)).toBeGreaterThan(Number(last));
  });
});
