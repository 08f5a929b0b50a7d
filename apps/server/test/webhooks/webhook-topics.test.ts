import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, nowIso, shop, storages, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { expectedSignature, startReceiver, type Received, type WebhookReceiver } from '../support/webhook-receiver.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { sendDue, webhookApi } from './webhook-api.js';

const ENVELOPE = ['event', 'client_id', 'customer_id', 'gb_customer_id', 'created_at', 'data'];

/** A request as a receiver must check it: signed with the account's secret key over the raw body, version v4, compact JSON. */
function expectSigned(request: Received, secretKey: string): void {
  expect(request.headers['x-gb-signature']).toBe(expectedSignature(request.raw, secretKey));
  expect(request.headers['x-gb-webhook-version']).toBe('v4');
  expect(request.headers['content-type']).toBe('application/json');
  // Gameball's sample verifier signs JSON.stringify(req.body): the same bytes.
  expect(JSON.stringify(request.body)).toBe(request.raw.toString('utf8'));
  expect(Object.keys(request.body)).toEqual(ENVELOPE);
  expect(request.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
}

describe.each(storages)('webhook topics on %s', (kind) => {
  const server = quietServerForTests(kind);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    for (const account of [shop, demo, timed]) await webhookApi(server().as(account)).subscribe(receiver.url);
  });
  afterAll(async () => receiver.close());
  const receivedFor = (customerId: string) => receiver.received.filter((r) => r.body.customer_id === customerId);

  it('a caller holding only the public apikey makes webhooks too: a new customer and an event each queue what the backend would', async () => {
    const publicKeyOnly = server().client({ apiKey: shop.apiKey });
    const customerId = uid('cust');
    expect((await publicKeyOnly.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    expect((await publicKeyOnly.POST('/events', { body: { customerId, events: { review_submitted: {} } } })).error).toBeUndefined();
    const queued = await webhookApi(server().as(shop)).deliveriesOf(customerId);
    expect(queued.map((d) => d.topic)).toContain('customer.profile.updated');
    expect(queued.every((d) => d.customerId === customerId)).toBe(true);
  });

  it("a new customer's SignUp reward: a signed notification push in each language, then one profile update", async () => {
    const gb = server().as(shop);
    const customerId = uid('cust');
    const created = await gb.POST('/customers', { body: { customerId, email: `${customerId}@example.com`, mobile: '+201234567890' } });
    expect(created.error).toBeUndefined();
    const queued = await webhookApi(gb).deliveriesOf(customerId);
    expect(queued.map((d) => d.topic)).toEqual(['customer.notification.push', 'customer.profile.updated']);
    await sendDue(server());
    const got = receivedFor(customerId);
    expect(got.map((r) => r.deliveryId).sort()).toEqual(queued.map((d) => String(d.id)).sort());
    for (const request of got) expectSigned(request, shop.secretKey);

    const profile = (await gb.GET('/customers/{customerId}', { params: { path: { customerId } } })).data!;
    const push = got.find((r) => r.body.event === 'customer.notification.push')!;
    expect(push.body).toMatchObject({ client_id: 'shop', customer_id: customerId, gb_customer_id: profile.gameballId });
    expect(push.body.data).toEqual([
      { local: 'en', icon: null, title: 'Reward unlocked!', body: 'You completed Welcome aboard and earned 25 Points.' },
      { local: 'ar', icon: null, title: 'مكافأة جديدة!', body: expect.stringContaining('أهلا بك') },
    ]);
    const update = got.find((r) => r.body.event === 'customer.profile.updated')!;
    expect(update.body.data).toEqual({
      email: `${customerId}@example.com`,
      mobile_number: '+201234567890',
      tier_name: 'Bronze',
      tier_order: 1,
      referral_code: profile.referralCode,
      referral_link: profile.referralLink,
      activated_points: 25,
      pending_points: 0,
      total_points: 25,
    });
  });

  it('an order that lifts the tier: a push for every notification it created, and one profile update with the new tier and points', async () => {
    const gb = server().as(shop);
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    await sendDue(server());
    const before = receivedFor(customerId).length;
    const order = await gb.POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 150 } });
    expect(order.error).toBeUndefined();
    await sendDue(server());
    const got = receivedFor(customerId).slice(before);
    for (const request of got) expectSigned(request, shop.secretKey);
    const updates = got.filter((r) => r.body.event === 'customer.profile.updated');
    const pushes = got.filter((r) => r.body.event === 'customer.notification.push');
    const notifications = (await gb.GET('/customers/{customerId}/notifications', { params: { path: { customerId }, query: { limit: 100 } } })).data!;
    // Every notification the customer has (SignUp reward, tier, ...) was pushed exactly once.
    expect(before + pushes.length - 1).toBe(notifications.notifications.length);
    expect(pushes.map((r) => (r.body.data as Array<{ local: string; title: string }>).map((d) => `${d.local}: ${d.title}`))).toContainEqual(['en: New level!', 'ar: مستوى جديد!']);
    expect(updates).toHaveLength(1);
    const balance = await pointsApi(gb).balance(customerId);
    expect(updates[0]!.body.data).toMatchObject({
      tier_name: 'Silver',
      tier_order: 2,
      activated_points: balance.totalPointsBalance - balance.pendingPoints,
      pending_points: balance.pendingPoints,
      total_points: balance.totalPointsBalance,
    });
  });

  it('what changes neither points, tier, email nor mobile sends nothing; a new email sends one profile update', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    expect((await api.manual(customerId, 100)).response.status).toBe(200);
    expect((await hooks.deliveriesOf(customerId)).map((d) => d.payload.data)).toMatchObject([{ total_points: 0 }, { total_points: 100 }]);
    const hold = await api.hold(customerId, { pointsToHold: 10 });
    expect(hold.error).toBeUndefined();
    expect((await gb.DELETE('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: hold.data!.holdReference } } })).error).toBeUndefined();
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    expect((await gb.POST('/customers/{customerId}/tags', { params: { path: { customerId } }, body: { tags: 'vip' } })).error).toBeUndefined();
    await api.balance(customerId);
    expect(await hooks.deliveriesOf(customerId)).toHaveLength(2);
    await gb.POST('/customers', { body: { customerId, email: 'new@example.com' } });
    const last = (await hooks.deliveriesOf(customerId)).slice(2);
    expect(last.map((d) => [d.topic, d.payload.data])).toMatchObject([['customer.profile.updated', { email: 'new@example.com', total_points: 100 }]]);
  });

  it('pending points turning active, and expiring, each send a profile update when due work writes them', async () => {
    const gb = server().as(timed);
    const hooks = webhookApi(gb);
    const customerId = uid('cust');
    expect((await pointsApi(gb).cashback(customerId, 40)).response.status).toBe(200);
    expect((await hooks.deliveriesOf(customerId)).map((d) => d.payload.data)).toMatchObject([{ activated_points: 0, pending_points: 40, total_points: 40 }]);
    await hooks.advanceMinutes(8 * 24 * 60); // past the 7-day return window
    await hooks.advanceMinutes(31 * 24 * 60); // past the 30-day expiry
    const all = await hooks.deliveriesOf(customerId);
    expect(all.map((d) => [d.status, d.payload.data])).toMatchObject([
      ['delivered', { activated_points: 0, pending_points: 40 }],
      ['delivered', { activated_points: 40, pending_points: 0, total_points: 40 }],
      ['delivered', { activated_points: 0, pending_points: 0, total_points: 0 }],
    ]);
  });
});
