import type { LotRow, WalletFigures, WalletRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { NEVER } from './entry-types.js';
import { expectedWallet, type LedgerFacts } from './expected-wallet.js';
import { verifyTotals } from './verify-totals.js';

const CUSTOMERS = sql('SELECT id FROM customers ORDER BY id');
const COLUMNS = 'id, customer_pk, type, direction, points, status, score, created_at, activates_at, activated_at, expiry_date, source_entry_id';
const ENTRIES = sql(`SELECT ${COLUMNS} FROM ledger_entries WHERE customer_pk = ? ORDER BY id`);
const ALL_ENTRIES = sql(`SELECT ${COLUMNS} FROM ledger_entries ORDER BY customer_pk, id`);
const OPEN_HOLDS = sql("SELECT points, expires_at FROM holds WHERE customer_pk = ? AND state = 'active'");
const WALLET = sql('SELECT * FROM wallets WHERE customer_pk = ?');
const LOTS = sql('SELECT * FROM lots WHERE customer_pk = ? ORDER BY entry_id');
const ALLOCATIONS = sql(
  `SELECT a.entry_id, l.entry_id AS lot_entry_id, a.points FROM lot_allocations a JOIN lots l ON l.id = a.lot_id
   WHERE l.customer_pk = ? AND a.points > 0 ORDER BY a.entry_id, a.id`,
);

/**
 * Compares one customer's stored wallet, lots and allocations with a full replay of its ledger;
 * answers the differences (none when they agree). The stored next due instant may be early, never late.
 */
export async function verifyCustomer(q: Queryable, customerPk: number, ledger?: LedgerFacts[]): Promise<string[]> {
  const entries = ledger ?? (await q.all<LedgerFacts>(ENTRIES, [customerPk]));
  const expected = expectedWallet(entries, await q.all<{ points: number; expires_at: string }>(OPEN_HOLDS, [customerPk]));
  const wallet = await q.get<WalletRow>(WALLET, [customerPk]);
  const problems: string[] = [];
  const differ = (what: string, stored: unknown, replayed: unknown) => {
    if (JSON.stringify(stored) !== JSON.stringify(replayed)) problems.push(`customer ${customerPk} ${what}: stored ${JSON.stringify(stored)}, ledger says ${JSON.stringify(replayed)}`);
  };
  const keys: Array<keyof WalletFigures> = ['balance', 'active', 'pending', 'debt', 'held', 'score', 'earned'];
  const figures = (w: Partial<WalletFigures> | undefined) => keys.map((key) => Number(w?.[key] ?? 0));
  differ('wallet', figures(wallet), figures(expected));
  if (expected.nextDue !== null && (wallet?.next_due_at == null || wallet.next_due_at > expected.nextDue)) {
    differ('next due instant', wallet?.next_due_at ?? null, expected.nextDue);
  }
  const lots = await q.all<LotRow>(LOTS, [customerPk]);
  differ(
    'lots',
    lots.map((lot) => [lot.entry_id, Number(lot.remaining), lot.activated_at, lot.expires_at]),
    expected.lots.map((lot) => [lot.entryId, lot.remaining, lot.activatedAt, lot.expiresAt ?? NEVER]),
  );
  const allocations = await q.all<{ entry_id: number; lot_entry_id: number; points: number }>(ALLOCATIONS, [customerPk]);
  differ(
    'allocations',
    allocations.map((a) => [a.entry_id, a.lot_entry_id, Number(a.points)]),
    [...expected.allocations].sort((a, b) => a.entryId - b.entryId).map((a) => [a.entryId, a.lotEntryId, a.points]),
  );
  return problems;
}

/** Every customer of the store, and the leaderboard's totals, checked against the ledger. */
export async function verifyAllWallets(q: Queryable): Promise<{ customers: number; entries: number; problems: string[] }> {
  const problems: string[] = [];
  const customers = await q.all<{ id: number }>(CUSTOMERS);
  const ledgers = new Map<number, LedgerFacts[]>(customers.map(({ id }) => [id, []]));
  const entries = await q.all<LedgerFacts & { customer_pk: number }>(ALL_ENTRIES);
  for (const entry of entries) ledgers.get(entry.customer_pk)?.push(entry);
  for (const [id, ledger] of ledgers) problems.push(...(await verifyCustomer(q, id, ledger)));
  problems.push(...(await verifyTotals(q)));
  return { customers: customers.length, entries: entries.length, problems };
}
