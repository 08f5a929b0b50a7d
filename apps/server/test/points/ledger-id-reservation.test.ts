import { expect, it } from 'vitest';
import { reserveLedgerIds } from '../../src/domain/points/ledger-ids.js';
import { sql } from '../../src/store/sql.js';
import { describeOnStorages } from '../support/harness.js';

/**
 * A unit of work takes its ledger ids from the sequence ahead of its inserts on PostgreSQL
 * (ledger-ids.ts). A reservation hands out exactly the ids it was asked for, in order, and draws
 * no more from the sequence: the next reservation starts right after it.
 */
describeOnStorages('ledger id reservations', (server, kind) => {
  it('takes as many ids as asked, consecutive, and wastes none of the sequence', async () => {
    const { store } = server();
    const taken = await store.transaction(async (q) => {
      const first = await reserveLedgerIds(q, 3);
      const second = await reserveLedgerIds(q, 4);
      const third = await reserveLedgerIds(q);
      return { first, second, third };
    });
    if (kind === 'sqlite') {
      // SQLite numbers an entry when it inserts it: nothing is reserved.
      expect(taken).toEqual({ first: undefined, second: undefined, third: undefined });
      return;
    }
    const { first = [], second = [], third = [] } = taken;
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(4);
    expect(third).toHaveLength(3);
    // Nothing else writes entries in this test's database: the ids follow on from one reservation to the next.
    const start = first[0]!;
    expect([...first, ...second, ...third]).toEqual(Array.from({ length: 10 }, (_, i) => start + i));
    const next = await store.get<{ id: number }>(sql("SELECT nextval('ledger_entries_id_seq') AS id"));
    expect(Number(next!.id)).toBe(start + 10);
  });

  it('refuses a reservation past the most one statement takes, before sending anything', async () => {
    const { store } = server();
    await store.transaction(async (q) => {
      if (kind === 'postgres') expect(() => reserveLedgerIds(q, 9)).toThrow(/1 to 8 ledger ids, not 9/);
      else expect(reserveLedgerIds(q, 9)).toBeUndefined();
    });
  });
});
