import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, Statement, Store } from '../../src/store/sql.js';
import { freshStorage, shop, startServer, uid, type StorageLocation, type TestServer } from '../support/harness.js';

/** A store whose next ledger insert fails, as a crash or a full disk would make it. */
function failingLedgerInsert(store: Store): Store & { armed: { value: boolean } } {
  const armed = { value: false };
  const guard = (q: Queryable): Queryable => ({
    ...q,
    dialect: q.dialect,
    get: (s: Statement, p) => {
      if (armed.value && s.sqlite.startsWith('INSERT INTO ledger_entries')) {
        armed.value = false;
        return Promise.reject(new Error('disk full'));
      }
      return q.get(s, p);
    },
    all: (s: Statement, p) => q.all(s, p),
    run: (s: Statement, p) => q.run(s, p),
    exec: (text) => q.exec(text),
  });
  return { ...guard(store), armed, transaction: (work) => store.transaction((tx) => work(guard(tx))), snapshot: (work) => store.snapshot(work), readOffLoop: (reads) => store.readOffLoop(reads), readBrief: (read) => store.readBrief(read), close: () => store.close() };
}

describe('a new customer and their sign-up reward', () => {
  let location: StorageLocation;
  let server: TestServer;
  let armed: { value: boolean };
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location, {
      sweepEveryMs: null,
      wrapStore: (store) => {
        const wrapped = failingLedgerInsert(store);
        armed = wrapped.armed;
        return wrapped;
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });

  it('are written together: when the reward cannot be written, the customer is not created either', async () => {
    const gb = server.as(shop);
    const customerId = uid('cust');
    armed.value = true;
    const failed = await gb.POST('/customers', { body: { customerId } });
    expect([failed.response.status, failed.error?.code]).toEqual([500, 5000]);
    const missing = await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(missing.error?.code).toBe(7000);

    // Sent again, it is created with its SignUp reward (campaign 101: 25 points).
    expect((await gb.POST('/customers', { body: { customerId } })).response.status).toBe(200);
    const { data } = await gb.GET('/transactions', { params: { query: { customerId } } });
    expect(data!.transactions.map((t) => [t.type, t.points, t.achievedRewardCampaignId])).toEqual([['AchievementReward', 25, '101']]);
  });
});
