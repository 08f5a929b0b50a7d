import { expect, it } from 'vitest';
import { notificationsApi } from './notifications-api.js';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customer notifications', (server) => {
  const { gb, keyOnly, list, count, climber } = notificationsApi(server);

  it('marks notifications read (either spelling of the field), ignores unknown and other customers\' IDs, and counts', async () => {
    const customerId = await climber();
    const other = await climber();
    const ids = (await list(customerId)).data!.notifications.map((n) => n.notificationId);
    const othersIds = (await list(other)).data!.notifications.map((n) => n.notificationId);
    expect((await count(customerId)).data).toEqual({ count: 3 });
    const marked = await gb().PUT('/customers/{customerId}/notifications/read', {
      params: { path: { customerId } },
      body: { notificationIds: [ids[0]!, '999999999', 'not-a-number', othersIds[0]!] },
    });
    expect(marked.data).toEqual({ success: true, message: '1 notification(s) marked as read.' });
    await gb().PUT('/customers/{customerId}/notifications/read', { params: { path: { customerId } }, body: { notificationsIds: [ids[2]!] } });
    expect((await count(customerId, true)).data).toEqual({ count: 2 });
    expect((await count(customerId, false)).data).toEqual({ count: 1 });
    expect((await count(other, false)).data).toEqual({ count: 3 });
    const unread = await list(customerId, { isRead: false });
    expect(unread.data!.notifications.map((n) => n.notificationId)).toEqual([ids[1]]);
    expect((await list(customerId, { isRead: true })).data!.notifications.every((n) => n.isRead)).toBe(true);
  });

  it('refuses marking without the secret key or without IDs, and unknown customers', async () => {
    const customerId = await climber();
    const path = { params: { path: { customerId } } };
    expect((await keyOnly().PUT('/customers/{customerId}/notifications/read', { ...path, body: { notificationIds: [] } })).response.status).toBe(401);
    const missing = await gb().PUT('/customers/{customerId}/notifications/read', { ...path, body: {} });
    expect([missing.response.status, missing.error?.code]).toEqual([400, 3000]);
    expect((await list(uid('nobody'))).error?.code).toBe(7000);
    expect((await count(uid('nobody'))).error?.code).toBe(7000);
    expect((await list(customerId, { limit: 0 })).response.status).toBe(422);
  });
});
