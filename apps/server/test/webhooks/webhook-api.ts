import { afterAll, beforeAll, expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { freshStorage, startServer, type StorageKind, type StorageLocation, type TestServer } from '../support/harness.js';

/** Helpers over the reference tools' webhook operations, for the webhook tests. */
export function webhookApi(gb: GameballClient) {
  return {
    async subscribe(url: string | null) {
      const { data, error } = await gb.PUT('/_reference/webhooks/subscription', { body: { url, version: 'v4' } });
      expect(error).toBeUndefined();
      return data!;
    },
    async subscription() {
      const { data, error } = await gb.GET('/_reference/webhooks/subscription', {});
      expect(error).toBeUndefined();
      return data!;
    },
    /** The account's deliveries, newest first. */
    async deliveries(limit = 200) {
      const { data, error } = await gb.GET('/_reference/webhooks/deliveries', { params: { query: { limit } } });
      expect(error).toBeUndefined();
      return data!.deliveries;
    },
    /** The customer's deliveries, oldest first. */
    async deliveriesOf(customerId: string) {
      return (await this.deliveries()).filter((d) => d.customerId === customerId).reverse();
    },
    async advanceMinutes(minutes: number) {
      const { error } = await gb.POST('/_reference/clock', { body: { advanceSeconds: minutes * 60 } });
      expect(error).toBeUndefined();
    },
  };
}

/** Runs every background job once, after any run in progress: what was due is then sent and its answer recorded. */
export async function sendDue(server: TestServer): Promise<void> {
  await server.jobs.runOnce();
}

/**
 * A server on fresh storage for the calling describe block, without background jobs: deliveries
 * wait in the outbox until the test sends them (`sendDue`) or moves the clock, so a test can
 * look at them before and after.
 */
export function quietServerForTests(kind: StorageKind): () => TestServer {
  let location: StorageLocation | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    location = await freshStorage(kind);
    server = await startServer(location, { sweepEveryMs: null });
  });
  afterAll(async () => {
    await server?.close();
    await location?.drop();
  });
  return () => server!;
}
