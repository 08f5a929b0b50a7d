import { expect, it } from 'vitest';
import { climb, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('counting customer notifications', (server) => {
  const keyOnly = () => server().client({ apiKey: climb.apiKey });
  const count = async (customerId: string, isRead?: boolean) =>
    (await keyOnly().GET('/customers/{customerId}/notifications/count', { params: { path: { customerId }, query: isRead === undefined ? {} : { isRead } } }))
      .data!.count;

  it('counts all, read and unread notifications; marking one read moves it from one count to the other', async () => {
    const api = pointsApi(server().as(climb));
    const customerId = await api.customer();
    await api.manual(customerId, 1000); // Silver, Gold and Platinum: three notifications
    expect([await count(customerId), await count(customerId, false), await count(customerId, true)]).toEqual([3, 3, 0]);
    const { data } = await keyOnly().GET('/customers/{customerId}/notifications', { params: { path: { customerId } } });
    const read = await server().as(climb).PUT('/customers/{customerId}/notifications/read', {
      params: { path: { customerId } },
      body: { notificationIds: [data!.notifications[0]!.notificationId] },
    });
    expect(read.data).toMatchObject({ success: true });
    expect([await count(customerId), await count(customerId, false), await count(customerId, true)]).toEqual([3, 2, 1]);
    const unknown = await keyOnly().GET('/customers/{customerId}/notifications/count', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
