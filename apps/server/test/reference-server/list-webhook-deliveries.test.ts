import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, hooked, nowIso, storages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { sendDue, webhookApi } from '../webhooks/webhook-api.js';

describe.each(storages)('the list of webhook deliveries on %s', (kind) => {
  const server = quietServerForTests(kind);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => receiver.close());

  it("shows the account's deliveries newest first with status, attempts, last answer and the exact payload sent", async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    await hooks.subscribe(receiver.url);
    const customerId = await pointsApi(gb).customer();
    expect((await pointsApi(gb).manual(customerId, 40)).response.status).toBe(200);
    const queued = await hooks.deliveriesOf(customerId);
    expect(queued.map((d) => [d.topic, d.status, d.attempts, d.lastAnswer])).toEqual([
      ['customer.profile.updated', 'pending', 0, null],
      ['customer.profile.updated', 'pending', 0, null],
    ]);
    await sendDue(server());
    const sent = await hooks.deliveriesOf(customerId);
    expect(sent.map((d) => [d.status, d.attempts, d.nextAttemptAt, d.lastAnswer?.status, d.lastAnswer?.body, d.lastAnswer?.error])).toEqual([
      ['delivered', 1, null, 200, 'ok', null],
      ['delivered', 1, null, 200, 'ok', null],
    ]);
    expect(sent[1]!.lastAnswer!.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(sent[1]!.lastAttemptAt!)).toBeLessThanOrEqual(Date.parse(nowIso()));
    // The payload listed is the body the receiver got, byte for byte once serialised.
    const got = receiver.received.find((r) => r.deliveryId === String(sent[1]!.id))!;
    expect(JSON.stringify(sent[1]!.payload)).toBe(got.raw.toString('utf8'));
    expect(sent[1]!.payload).toMatchObject({ event: 'customer.profile.updated', client_id: 'demo', customer_id: customerId, data: { activated_points: 40 } });
  });

  it("never shows another account's deliveries, and keeps to the limit", async () => {
    const gb = server().client();
    const own = await webhookApi(gb).deliveries();
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((d) => d.payload.client_id === demo.id)).toBe(true);
    expect(await webhookApi(server().as(hooked)).deliveries()).toEqual([]);
    const two = await webhookApi(gb).deliveries(2);
    expect(two.map((d) => d.id)).toEqual(own.slice(0, 2).map((d) => d.id));
    expect(own.map((d) => d.id)).toEqual([...own.map((d) => d.id)].sort((a, b) => b - a));
    for (const limit of [0, 201]) {
      const refused = await gb.GET('/_reference/webhooks/deliveries', { params: { query: { limit } } });
      expect([refused.response.status, refused.error?.code]).toEqual([422, 3003]);
    }
  });
});
