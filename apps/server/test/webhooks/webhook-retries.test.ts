import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, hooked, storages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { expectedSignature, startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { sendDue, webhookApi } from './webhook-api.js';

describe.each(storages)('webhook retries on %s', (kind) => {
  const server = quietServerForTests(kind);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => receiver.close());

  it('a receiver answering 500 gets the same signed body again 5, 20 and 60 minutes after each attempt, then nothing: the delivery is dropped', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    await hooks.subscribe(receiver.url);
    receiver.answer(500);
    const customerId = await pointsApi(gb).customer();
    const count = () => receiver.received.filter((r) => r.body.customer_id === customerId).length;
    await sendDue(server());
    expect(count()).toBe(1);
    // Each retry is due a whole delay after the attempt before it: not a minute earlier.
    for (const [step, delay] of [5, 20, 60].entries()) {
      await hooks.advanceMinutes(delay - 1);
      expect(count(), `retry ${step + 1} before its time`).toBe(step + 1);
      await hooks.advanceMinutes(1);
      expect(count(), `retry ${step + 1}`).toBe(step + 2);
    }
    const [delivery] = await hooks.deliveriesOf(customerId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null, lastAnswer: { status: 500, body: 'refused with 500', error: null } });
    await hooks.advanceMinutes(24 * 60);
    expect(count()).toBe(4);
    const sent = receiver.received.filter((r) => r.body.customer_id === customerId);
    expect(new Set(sent.map((r) => r.raw.toString('utf8'))).size).toBe(1);
    expect(new Set(sent.map((r) => r.deliveryId))).toEqual(new Set([String(delivery!.id)]));
    for (const request of sent) expect(request.headers['x-gb-signature']).toBe(expectedSignature(request.raw, demo.secretKey));
  });

  it('a retry that succeeds ends the delivery: delivered, and sent no more', async () => {
    const gb = server().client();
    const hooks = webhookApi(gb);
    receiver.answer(503);
    const customerId = await pointsApi(gb).customer();
    await sendDue(server());
    receiver.answer(204);
    await hooks.advanceMinutes(5);
    await hooks.advanceMinutes(24 * 60);
    expect(receiver.received.filter((r) => r.body.customer_id === customerId).map((r) => r.answered)).toEqual([503, 204]);
    expect((await hooks.deliveriesOf(customerId))[0]).toMatchObject({ status: 'delivered', attempts: 2, nextAttemptAt: null, lastAnswer: { status: 204 } });
  });

  it('a refused connection is a failed attempt, recorded with its reason and retried', async () => {
    const gb = server().as(hooked); // its accounts file points at a loopback port where nothing listens
    const customerId = await pointsApi(gb).customer();
    await sendDue(server());
    const [delivery] = await webhookApi(gb).deliveriesOf(customerId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastAnswer: { status: null, body: null, error: 'connection refused' } });
    expect(Date.parse(delivery!.nextAttemptAt!) - Date.parse(delivery!.lastAttemptAt!)).toBe(5 * 60_000);
  });

  it.runIf(kind === 'sqlite')('a receiver that does not answer within 10 s fails the attempt (timeout), and the retry is scheduled', { timeout: 30_000 }, async () => {
    const gb = server().client();
    await webhookApi(gb).subscribe(receiver.url);
    receiver.answer('hang');
    const customerId = await pointsApi(gb).customer();
    const started = Date.now();
    await sendDue(server());
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900);
    const [delivery] = await webhookApi(gb).deliveriesOf(customerId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastAnswer: { status: null, error: 'timeout after 10 s' } });
    receiver.answer(200);
  });
});
