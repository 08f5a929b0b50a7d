import { expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const PAST_INT4 = 2 ** 31 + 10;

/**
 * Ledger ids are reserved ahead of the entries on PostgreSQL (ledger-ids.ts), so they run ahead of
 * the entries written: every column holding one is 64-bit. A ledger whose ids have passed 2^31
 * still takes entries, with their lots, activities and leaderboard totals, on both storages.
 */
describeOnStorages('ledger ids past 2^31', (server, kind) => {
  it('writes and lists entries whose ids do not fit 32 bits', async () => {
    const { store } = server();
    if (kind === 'postgres') {
      const narrow = await store.all<{ table_name: string; column_name: string }>(
        sql(`SELECT table_name, column_name FROM information_schema.columns WHERE data_type <> 'bigint' AND (table_name, column_name) IN
             (('ledger_entries', 'id'), ('ledger_entries', 'source_entry_id'), ('lots', 'entry_id'), ('lot_allocations', 'entry_id'),
              ('holds', 'redemption_entry_id'), ('leaderboard_totals', 'last_entry_id'), ('coupons', 'entry_id'))`),
      );
      expect(narrow).toEqual([]);
      await store.get(sql(`SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), ${PAST_INT4})`));
    } else {
      // AUTOINCREMENT: the next id follows sqlite_sequence.
      await store.run(sql("DELETE FROM sqlite_sequence WHERE name = 'ledger_entries'"));
      await store.run(sql(`INSERT INTO sqlite_sequence (name, seq) VALUES ('ledger_entries', ${PAST_INT4})`));
    }
    const gb = server().as(shop);
    const api = pointsApi(gb);
    const customerId = uid('wide');
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    expect((await api.cashback(customerId, 40)).error).toBeUndefined();
    expect((await api.redeem(customerId, { points: 10 })).error).toBeUndefined();
    const review = await gb.POST('/events', { body: { customerId, events: { review_submitted: { rating: 5, product_id: 'p1' } } } });
    expect(review.error).toBeUndefined();
    const listed = await gb.GET('/transactions', { params: { query: { customerId } } });
    const ids = listed.data!.transactions.map((t) => Number(t.gameballTransactionId));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(id).toBeGreaterThan(PAST_INT4);
    const balance = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    expect(balance.data?.availablePointsBalance).toBe(listed.data!.transactions.reduce((sum, t) => sum + (t.direction === '+' ? t.points : -t.points), 0));
    const activities = await gb.GET('/customers/{customerId}/activities', { params: { path: { customerId } } });
    expect(activities.data!.activities.length).toBeGreaterThanOrEqual(4);
  });
});
