import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, hooked, storages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { expectedSignature, startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { sendDue, webhookApi } from '../webhooks/webhook-api.js';

describe.each(storages)('sending a webhook delivery again on %s', (kind) => {
  const server = quietServerForTests(kind);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => receiver.close());

  it('queues a copy with the same body and signature that the receiver gets under a new delivery ID, the original untouched', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    await hooks.subscribe(receiver.url);
    const customerId = await pointsApi(gb).customer();
    receiver.answer(500);
    await sendDue(server());
    const [failed] = await hooks.deliveriesOf(customerId);
    expect([failed!.status, failed!.attempts, failed!.lastAnswer?.status]).toEqual(['pending', 1, 500]);
    expect(failed!.signature).toBe(expectedSignature(Buffer.from(JSON.stringify(failed!.payload)), demo.secretKey));

    receiver.answer(200);
    const resent = await gb.POST('/_reference/webhooks/deliveries/{deliveryId}/resend', { params: { path: { deliveryId: failed!.id } } });
    expect(resent.error).toBeUndefined();
    expect(resent.data).toMatchObject({ topic: failed!.topic, customerId, status: 'pending', attempts: 0, lastAnswer: null, signature: failed!.signature, payload: failed!.payload });
    expect(resent.data!.id).toBeGreaterThan(failed!.id);
    const before = receiver.received.length;
    await sendDue(server());
    const got = receiver.received.slice(before).find((r) => r.deliveryId === String(resent.data!.id))!;
    expect(got.raw.toString('utf8')).toBe(JSON.stringify(failed!.payload));
    expect(got.headers['x-gb-signature']).toBe(failed!.signature);
    const after = await hooks.deliveriesOf(customerId);
    expect(after.map((d) => [d.id, d.status, d.attempts])).toEqual([
      [failed!.id, 'pending', 1],
      [resent.data!.id, 'delivered', 1],
    ]);
  });

  it("refuses another account's delivery (404) and an account without a webhook URL (422)", async () => {
    const gb = server().client();
    const [mine] = await webhookApi(gb).deliveries(1);
    const elsewhere = await server().as(hooked).POST('/_reference/webhooks/deliveries/{deliveryId}/resend', { params: { path: { deliveryId: mine!.id } } });
    expect([elsewhere.response.status, elsewhere.error?.code]).toEqual([404, 4004]);
    await webhookApi(gb).subscribe(null);
    const nowhere = await gb.POST('/_reference/webhooks/deliveries/{deliveryId}/resend', { params: { path: { deliveryId: mine!.id } } });
    expect([nowhere.response.status, nowhere.error?.code]).toEqual([422, 3003]);
    const count = (await webhookApi(gb).deliveries()).length;
    expect(count).toBeGreaterThan(0);
    expect((await webhookApi(gb).deliveries()).length).toBe(count);
  });
});
