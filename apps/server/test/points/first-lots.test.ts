import { describe, expect, it } from 'vitest';
import { FIRST_LOTS_ALONGSIDE, firstSpendable, type LedgerUnit } from '../../src/domain/points/lots.js';
import { walletOf } from '../../src/domain/points/wallet.js';
import type { LotRow } from '../../src/store/schema.js';
import type { Queryable } from '../../src/store/sql.js';

const NOW = '2026-06-01T12:00:00.000Z';
const lot = (id: number, activatedAt: string | null, expiresAt: string): LotRow => ({
  id, customer_pk: 7, entry_id: id, remaining: 10, activates_at: null, activated_at: activatedAt, expires_at: expiresAt,
});

/**
 * The first lots a redemption spends from may come from the read sent with the customer's lock
 * (before the unit fixed its instant); they are used only when they are exactly what the spend's
 * own read would answer now, else the spend reads them itself.
 */
describe('the first spendable lots read with the lock', () => {
  const fromOwnRead = [lot(99, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')];

  const unit = (withLock: LotRow[] | undefined, dirty = false) => {
    const reads: unknown[][] = [];
    const q = { dialect: 'sqlite', all: async (_s: unknown, params: unknown[]) => (reads.push(params), fromOwnRead) } as unknown as Queryable;
    const wallet = { ...walletOf(undefined, 7, 'acc'), dirty };
    const alongside = new Map(withLock ? [[FIRST_LOTS_ALONGSIDE, Promise.resolve(withLock)]] : []);
    const u: LedgerUnit = { q, wallet, now: NOW, alongside };
    return { u, reads };
  };

  it('takes the lock\'s rows when each is spendable now and the unit changed nothing yet', async () => {
    const early = [lot(1, '2026-05-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'), lot(2, NOW, '9999-12-31T23:59:59.999Z')];
    const { u, reads } = unit(early);
    expect(await firstSpendable(u)).toBe(early);
    expect(reads).toHaveLength(0);
  });

  it.each([
    ['a lot expired by now (due work the unit settles first)', [lot(1, '2026-05-01T00:00:00.000Z', NOW)]],
    ['a lot activated after now (written by a server whose clock is ahead)', [lot(1, '2026-06-01T12:00:00.001Z', '2027-01-01T00:00:00.000Z')]],
    ['a lot not active', [lot(1, null, '2027-01-01T00:00:00.000Z')]],
    ['another customer\'s lot (the ID found another profile than the lock did)', [{ ...lot(1, '2026-05-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'), customer_pk: 8 }]],
  ])('reads them itself when the lock\'s rows hold %s', async (_what, early) => {
    const { u, reads } = unit(early);
    expect(await firstSpendable(u)).toBe(fromOwnRead);
    expect(reads).toEqual([[7, NOW, NOW, 2]]);
  });

  it('reads them itself once the unit changed a lot or the wallet, or when none were read with the lock', async () => {
    for (const { u, reads } of [unit([lot(1, '2026-05-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')], true), unit(undefined)]) {
      expect(await firstSpendable(u)).toBe(fromOwnRead);
      expect(reads).toHaveLength(1);
    }
  });
});
