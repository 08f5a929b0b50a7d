import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, Statement, Store } from '../../src/store/sql.js';
import { demo, freshStorage, startServer, storages, type StorageLocation, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { sendDue, webhookApi } from './webhook-api.js';

/**
 * A store whose transactions fail at the wallet's save, the unit of work's last write, when
 * armed and once a webhook was queued in them: the outbox row is written, then rolled back.
 */
function failingAfterOutbox(store: Store): Store & { armed: { value: boolean } } {
  const armed = { value: false };
  const guard = (q: Queryable): Queryable => {
    let queued = false;
    const check = (s: Statement) => {
      if (s.sqlite.includes('INSERT INTO webhook_deliveries')) queued = true;
      if (armed.value && queued && /^(UPDATE|INSERT INTO) wallets/.test(s.sqlite)) {
        armed.value = false;
        throw new Error('disk full');
      }
    };
    return {
      dialect: q.dialect,
      get: async (s, p) => (check(s), q.get(s, p)),
      all: async (s, p) => (check(s), q.all(s, p)),
      run: async (s, p) => (check(s), q.run(s, p)),
      exec: (text) => q.exec(text),
    };
  };
  return { ...store, dialect: store.dialect, get: (s, p) => store.get(s, p), all: (s, p) => store.all(s, p), run: (s, p) => store.run(s, p), exec: (t) => store.exec(t), armed, transaction: (work) => store.transaction((tx) => work(guard(tx))), snapshot: (work) => store.snapshot(work), readOffLoop: (reads) => store.readOffLoop(reads), close: () => store.close() };
}

describe.each(storages)('a change that rolls back, on %s', (kind) => {
  let location: StorageLocation;
  let server: TestServer;
  let armed: { value: boolean };
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    location = await freshStorage(kind);
    server = await startServer(location, {
      sweepEveryMs: null,
      wrapStore: (store) => {
        const wrapped = failingAfterOutbox(store);
        armed = wrapped.armed;
        return wrapped;
      },
    });
  });
  afterEach(() => {
    armed.value = false;
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
    await receiver.close();
  });

  it('sends nothing: the webhook queued before the failure rolls back with the change', async () => {
    const gb = server.client();
    const hooks = webhookApi(gb);
    await hooks.subscribe(receiver.url);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await sendDue(server);
    const before = receiver.received.length;

    armed.value = true;
    const failed = await api.manual(customerId, 70, 'rolled-back');
    expect([failed.response.status, failed.error?.code]).toEqual([500, 5000]);
    expect(armed.value).toBe(false); // the fault did fire, after the outbox row was written
    await sendDue(server);
    expect(receiver.received.length).toBe(before);
    expect((await hooks.deliveriesOf(customerId)).map((d) => d.payload.data)).toMatchObject([{ total_points: 0 }]);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(0);

    // Sent again, the change commits, and so does its one webhook.
    expect((await api.manual(customerId, 70, 'rolled-back')).response.status).toBe(200);
    await sendDue(server);
    expect(receiver.received.slice(before).map((r) => [r.body.customer_id, (r.body.data as { total_points: number }).total_points])).toEqual([[customerId, 70]]);
    expect(demo.webhook.url).toBe(receiver.url);
  });
});
