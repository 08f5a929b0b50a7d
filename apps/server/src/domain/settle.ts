import type { Account } from '../accounts.js';
import { expiryFrom } from '../program.js';
import type { Store, Tx } from '../store/store.js';
import { lockCustomerById, type CustomerRow } from './customers.js';
import { appendEntry, type LedgerRow } from './ledger.js';
import { expiredLots, replay, summarise, type Wallet, type WalletEntry, type WalletSummary } from './wallet.js';

/** A customer's points as of now, after due activations, expiries and hold expiries were written. */
export interface CustomerPoints {
  entries: LedgerRow[];
  wallet: Wallet;
  summary: WalletSummary;
  /** Points under active holds. */
  held: number;
  /** What can be spent now: active points less held points. */
  available: number;
}

function toWalletEntry(row: LedgerRow): WalletEntry {
  return {
    id: row.id,
    type: row.type,
    direction: row.direction,
    points: row.points,
    status: row.status,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    expiryDate: row.expiry_date,
    sourceEntryId: row.source_entry_id,
  };
}

async function entriesOf(tx: Tx, customerPk: number): Promise<LedgerRow[]> {
  return tx.selectFrom('ledger_entries').selectAll().where('customer_pk', '=', customerPk).orderBy('id').execute();
}

/**
 * Brings a customer's ledger up to `now`: pending points whose window ended turn active (their
 * expiry counted from that instant), points past their expiry get an Expiry entry, holds past
 * their time expire. Call with the customer locked, inside a transaction.
 */
export async function settleCustomer(
  tx: Tx,
  account: Account,
  customer: CustomerRow,
  now: string,
): Promise<CustomerPoints> {
  const entries = await entriesOf(tx, customer.id);
  for (const row of entries) {
    if (row.status !== 'Pending' || row.activates_at === null || row.activates_at > now) continue;
    row.status = 'Active';
    row.activated_at = row.activates_at;
    row.expiry_date = expiryFrom(account.program, row.activates_at);
    await tx
      .updateTable('ledger_entries')
      .set({ status: row.status, activated_at: row.activated_at, expiry_date: row.expiry_date })
      .where('id', '=', row.id)
      .execute();
  }

  let wallet = replay(entries.map(toWalletEntry));
  for (const lot of expiredLots(wallet, now)) {
    const expiry = await appendEntry(tx, customer, {
      kind: 'expiry',
      transactionId: `expiry-${lot.entryId}`,
      type: 'Expiry',
      direction: '-',
      points: lot.remaining,
      amount: null,
      status: 'Expired',
      reason: 'Points expired',
      transactionTime: lot.expiresAt!,
      createdAt: lot.expiresAt!,
      sourceEntryId: lot.entryId,
    });
    entries.push(expiry);
  }
  const expiringDone = entries.filter(
    (row) => row.direction === '+' && row.expiry_settled === 0 && row.expiry_date !== null && row.expiry_date <= now,
  );
  if (expiringDone.length > 0) {
    await tx
      .updateTable('ledger_entries')
      .set({ expiry_settled: 1 })
      .where('id', 'in', expiringDone.map((row) => row.id))
      .execute();
    for (const row of expiringDone) row.expiry_settled = 1;
    wallet = replay(entries.map(toWalletEntry));
  }

  await tx
    .updateTable('holds')
    .set((eb) => ({ state: 'expired', closed_at: eb.ref('expires_at') }))
    .where('customer_pk', '=', customer.id)
    .where('state', '=', 'active')
    .where('expires_at', '<=', now)
    .execute();
  const holds = await tx
    .selectFrom('holds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('held'))
    .where('customer_pk', '=', customer.id)
    .where('state', '=', 'active')
    .executeTakeFirstOrThrow();
  const held = Number(holds.held);
  const summary = summarise(wallet, now);
  return { entries, wallet, summary, held, available: summary.active - held };
}

/** Settles every customer of the account with due activations or expiries (before listings). */
export async function settleAccount(store: Store, account: Account, now: string): Promise<void> {
  const due = await store.db
    .selectFrom('ledger_entries')
    .select('customer_pk')
    .distinct()
    .where('account_id', '=', account.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'Pending'), eb('activates_at', '<=', now)]),
        eb.and([eb('direction', '=', '+'), eb('expiry_settled', '=', 0), eb('expiry_date', '<=', now)]),
      ]),
    )
    .execute();
  for (const { customer_pk } of due) {
    await store.db.transaction().execute(async (tx) => {
      const customer = await lockCustomerById(tx, store, customer_pk);
      await settleCustomer(tx, account, customer, now);
    });
  }
}
