import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { demo, freshStorage, startServer, storages, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { crash, spawnServer, type ServerProcess } from '../support/processes.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { webhookApi } from './webhook-api.js';

const clientOf = (server: { origin: string }) =>
  createGameballClient({ baseUrl: `${server.origin}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey, maxRetries: 0 });

/** Polls until `check` holds: a bound against a server that stopped sending, not a speed check. */
async function until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${ms / 1000} s: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many requests the receiver got for each delivery ID. */
const perDelivery = (receiver: WebhookReceiver) => {
  const counts = new Map<string, number>();
  for (const r of receiver.received) counts.set(r.deliveryId, (counts.get(r.deliveryId) ?? 0) + 1);
  return counts;
};

describe.each(storages)('webhooks across a crash (kill -9) on %s', (kind) => {
  let location: StorageLocation;
  let receiver: WebhookReceiver;
  let running: ServerProcess | undefined;
  beforeAll(async () => {
    location = await freshStorage(kind);
    receiver = await startReceiver();
  });
  afterEach(async () => {
    if (running) await crash(running.process);
    running = undefined;
  });
  afterAll(async () => {
    await receiver.close();
    await location.drop();
  });

  it('deliveries written before any attempt are each sent exactly once by the next process', { timeout: 90_000 }, async () => {
    // A server without background jobs commits the changes, then stops: nothing was sent.
    const quiet = await startServer(location, { sweepEveryMs: null });
    const gb = quiet.client();
    await webhookApi(gb).subscribe(receiver.url);
    const customers = [];
    for (let n = 0; n < 4; n++) customers.push(await pointsApi(gb).customer());
    const written = await webhookApi(gb).deliveries();
    await quiet.close();
    expect(written).toHaveLength(4);
    running = await spawnServer(location);
    await receiver.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // anything sent twice would arrive by now
    expect([...perDelivery(receiver).entries()].sort()).toEqual(written.map((d) => [String(d.id), 1]).sort());
    receiver.received.length = 0;
  });

  it('deliveries waiting for a retry when the process is killed are retried by the next one on time, each delivered once', { timeout: 120_000 }, async () => {
    receiver.answer(503);
    running = await spawnServer(location);
    const api = pointsApi(clientOf(running));
    for (let n = 0; n < 4; n++) expect((await api.manual(await api.customer(), 10)).response.status).toBe(200);
    const hooks = webhookApi(clientOf(running));
    const failedOnce = await until('every first attempt answered 503', () => hooks.deliveries(8), (list) => list.length === 8 && list.every((d) => d.attempts === 1 && d.lastAnswer?.status === 503));
    await crash(running.process);
    receiver.answer(200);
    running = await spawnServer(location);
    const after = webhookApi(clientOf(running));
    await after.advanceMinutes(4);
    expect(receiver.received.filter((r) => r.answered === 200)).toEqual([]);
    await after.advanceMinutes(1);
    await until('every retry delivered', () => after.deliveries(8), (list) => list.every((d) => d.status === 'delivered'));
    await after.advanceMinutes(120);
    const counts = perDelivery(receiver);
    expect(failedOnce.map((d) => counts.get(String(d.id)))).toEqual(failedOnce.map(() => 2)); // the 503, then the 200
    expect(receiver.received.filter((r) => r.answered === 200).map((r) => r.deliveryId).sort()).toEqual(failedOnce.map((d) => String(d.id)).sort());
    expect((await after.deliveries(8)).map((d) => d.attempts)).toEqual(failedOnce.map(() => 2));
    receiver.received.length = 0;
  });

  it('a delivery whose answer was never recorded (killed mid-request) is sent again after its claim lapses: at least once', { timeout: 90_000 }, async () => {
    receiver.answer('hang');
    running = await spawnServer(location);
    const gb = clientOf(running);
    const customerId = await pointsApi(gb).customer();
    const [inFlight] = await receiver.waitFor(1);
    await crash(running.process);
    receiver.answer(200);
    running = await spawnServer(location);
    const hooks = webhookApi(clientOf(running));
    const [pending] = await hooks.deliveriesOf(customerId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastAnswer: { status: null, error: expect.stringContaining('no answer recorded') } });
    await hooks.advanceMinutes(2); // past the claim's one-minute lease
    await until('the repeat delivered', () => hooks.deliveriesOf(customerId), ([d]) => d?.status === 'delivered');
    const repeats = receiver.received.filter((r) => r.deliveryId === inFlight!.deliveryId);
    expect(repeats).toHaveLength(2);
    expect(repeats[1]!.raw.equals(inFlight!.raw)).toBe(true); // the same body and delivery ID: a receiver can drop the repeat
  });
});
