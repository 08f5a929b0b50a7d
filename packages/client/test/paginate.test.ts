import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGameballClient, GameballApiError, GameballNetworkError, type ThrowingGameballClient } from '../src/index.js';
import { startReferenceServer, type ReferenceServer } from './support/reference-server.js';
import { gameballError, json, scriptedServer } from './support/scripted-server.js';

const ORDERS = 7;
const FRIENDS = 5;

describe('paginate against the reference server', () => {
  let server: ReferenceServer;
  let gb: ThrowingGameballClient;
  /** The account with a referral program. */
  let shop: ThrowingGameballClient;
  const customerId = `pager_${Date.now()}`;

  beforeAll(async () => {
    server = await startReferenceServer();
    gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'demo_apikey', secretKey: 'demo_secretkey', throwOnError: true });
    await gb.POST('/customers', { body: { customerId } });
    for (let i = 0; i < ORDERS; i++) {
      await gb.POST('/orders', { body: { customerId, orderId: `${customerId}_order_${i}`, orderDate: new Date().toISOString(), totalPaid: 10 + i } });
    }
    shop = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'shop_apikey', secretKey: 'shop_secretkey', throwOnError: true });
    await shop.POST('/customers', { body: { customerId } });
    const { data: referrer } = await shop.GET('/customers/{customerId}', { params: { path: { customerId } } });
    for (let i = 0; i < FRIENDS; i++) {
      await shop.POST('/customers', { body: { customerId: `${customerId}_friend_${i}`, referrerCode: referrer.referralCode! } });
    }
  }, 120_000);
  afterAll(() => server?.stop());

  it('walks every transaction of a customer in order, page after page, each once', async () => {
    const seen: string[] = [];
    for await (const transaction of gb.paginate('/transactions', { params: { query: { customerId, limit: 3 } } })) {
      seen.push(transaction.transactionId);
    }
    expect(seen).toEqual(Array.from({ length: ORDERS }, (_, i) => `${customerId}_order_${i}`));
  });

  it('walks the customer view and the activities the same way', async () => {
    const view: string[] = [];
    for await (const transaction of gb.paginate('/transactions/customer-view', { params: { query: { customerId, limit: 2 } } })) {
      view.push(transaction.transactionId);
    }
    expect(view).toHaveLength(ORDERS);
    const activities: number[] = [];
    for await (const activity of gb.paginate('/customers/{customerId}/activities', { params: { path: { customerId }, query: { limit: 2 } } })) {
      activities.push(activity.activityId);
    }
    expect(activities).toHaveLength(ORDERS);
    expect([...activities].sort((a, b) => a - b)).toEqual(activities);
  });

  it('walks the friends a customer referred', async () => {
    const friends: string[] = [];
    for await (const friend of shop.paginate('/customers/{customerId}/referrals', { params: { path: { customerId }, query: { limit: 2 } } })) {
      friends.push(friend.customerId);
    }
    expect(friends.sort()).toEqual(Array.from({ length: FRIENDS }, (_, i) => `${customerId}_friend_${i}`).sort());
  });

  it('starts after the startAfter given, and stops when the loop stops', async () => {
    const all: string[] = [];
    for await (const transaction of gb.paginate('/transactions', { params: { query: { customerId } } })) all.push(transaction.gameballTransactionId);
    const rest: string[] = [];
    for await (const transaction of gb.paginate('/transactions', { params: { query: { customerId, startAfter: Number(all[1]), limit: 2 } } })) {
      rest.push(transaction.gameballTransactionId);
      if (rest.length === 3) break;
    }
    expect(rest).toEqual(all.slice(2, 5));
  });

  it('throws the Gameball error of a page, even from a client that does not throw', async () => {
    const quiet = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'demo_apikey', secretKey: 'wrong' });
    const pages = quiet.paginate('/transactions', { params: { query: { customerId } } });
    await expect(pages.next()).rejects.toSatisfy((error) => error instanceof GameballApiError && error.code === 1001 && error.status === 401);
  });
});

describe('paginate against a scripted server', () => {
  it('sends the last notificationId as startAfter, as a number', async () => {
    const note = (id: string) => ({ notificationId: id, title: 't', body: 'b', isRead: false, createdAt: '2024-10-11T10:00:00Z', lang: 'en', icon: null });
    const server = await scriptedServer([
      json(200, { notifications: [note('11'), note('12')], count: 2, hasMore: true }),
      json(200, { notifications: [note('13')], count: 1, hasMore: false }),
    ]);
    try {
      const gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k' });
      const ids: string[] = [];
      for await (const n of gb.paginate('/customers/{customerId}/notifications', { params: { path: { customerId: 'c1' }, query: { limit: 2 } } })) ids.push(n.notificationId);
      expect(ids).toEqual(['11', '12', '13']);
      expect(server.seen.map((r) => r.url)).toEqual([
        '/api/v4/integrations/customers/c1/notifications?limit=2',
        '/api/v4/integrations/customers/c1/notifications?limit=2&startAfter=12',
      ]);
    } finally {
      await server.close();
    }
  });

  it('stops with an error instead of looping when hasMore comes with an ID that does not move on', async () => {
    const page = { transactions: [{ transactionId: 't', gameballTransactionId: '5' }], count: 1, hasMore: true };
    const server = await scriptedServer([json(200, page)]);
    try {
      const gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k' });
      const walk = async () => {
        for await (const _ of gb.paginate('/transactions', { params: { query: { limit: 1 } } }));
      };
      await expect(walk()).rejects.toSatisfy((error) => error instanceof GameballNetworkError && error.code === 'UNEXPECTED_RESPONSE');
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('retries a page that failed with a 5xx, as any read', async () => {
    const server = await scriptedServer([json(503, gameballError(5000, 'SERVER_ERROR'), { 'retry-after': '0' }), json(200, { activities: [], count: 0, hasMore: false })]);
    try {
      const gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k' });
      const items = [];
      for await (const item of gb.paginate('/customers/{customerId}/activities', { params: { path: { customerId: 'c1' } } })) items.push(item);
      expect(items).toEqual([]);
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
