import { afterAll, describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { demo, freshStorage, storages, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { crash, spawnServer, type ServerProcess } from '../support/processes.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { webhookApi } from './webhook-api.js';

const CUSTOMERS = 30;

describe.runIf(storages.includes('postgres'))('two server processes on one PostgreSQL database', () => {
  let location: StorageLocation | undefined;
  let receiver: WebhookReceiver | undefined;
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of processes) await crash(server.process);
    await receiver?.close();
    await location?.drop();
  });

  it('share one outbox: every attempt of every delivery is made by one of them, once', { timeout: 120_000 }, async () => {
    location = await freshStorage('postgres');
    receiver = await startReceiver();
    receiver.answer(503);
    processes.push(await spawnServer(location), await spawnServer(location));
    const clients = processes.map((p) => createGameballClient({ baseUrl: `${p.origin}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey, maxRetries: 0 }));
    await webhookApi(clients[0]!).subscribe(receiver.url);
    // The other process reads the stored subscription (it would by its next sender round anyway).
    expect((await webhookApi(clients[1]!).subscription()).url).toBe(receiver.url);

    // Changes through both processes at once: 2 deliveries per customer (created, then points).
    await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, n) => {
        const api = pointsApi(clients[n % 2]!);
        const customerId = await api.customer();
        expect((await pointsApi(clients[(n + 1) % 2]!).manual(customerId, 5)).response.status).toBe(200);
      }),
    );
    await receiver.waitFor(2 * CUSTOMERS, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a second send of any row would arrive by now
    const firstRound = receiver.received.map((r) => r.deliveryId);
    expect(firstRound).toHaveLength(2 * CUSTOMERS);
    expect(new Set(firstRound).size).toBe(2 * CUSTOMERS);
    // Those first attempts were answered 503: the retries fall due in both processes at the same moment.
    const listed = await webhookApi(clients[1]!).deliveries();
    expect(listed.map((d) => [d.status, d.attempts])).toEqual(listed.map(() => ['pending', 1]));
    receiver.answer(200);
    await Promise.all(clients.map((gb) => webhookApi(gb).advanceMinutes(5)));
    await receiver.waitFor(4 * CUSTOMERS, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const retried = receiver.received.slice(2 * CUSTOMERS).map((r) => r.deliveryId);
    expect(retried.sort()).toEqual([...firstRound].sort());
    const done = await webhookApi(clients[0]!).deliveries();
    expect(done.map((d) => [d.status, d.attempts])).toEqual(done.map(() => ['delivered', 2]));
  });
});
