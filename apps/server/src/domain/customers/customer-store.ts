import { randomInt } from 'node:crypto';
import { errors } from '../../errors.js';
import type { CustomerRow, WalletRow } from '../../store/schema.js';
import { later, sql, type Queryable } from '../../store/sql.js';

export type { CustomerRow };

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A customer's immutable referral code: 14 letters and digits. */
function referralCode(): string {
  let code = '';
  for (let i = 0; i < 14; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A fresh six-digit verifier for redemptions and holds. */
export function newHash(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

const LIVE = 'SELECT * FROM customers WHERE account_id = ? AND customer_id = ? AND deleted_at IS NULL';
const FIND_LIVE = sql(LIVE);
const LOCK_LIVE = sql(`${LIVE} FOR UPDATE`);
const LOCK_BY_ID = sql('SELECT * FROM customers WHERE id = ? FOR UPDATE');
// Another customerId of a merged profile (channel merging); consulted only when no customer has the ID itself.
const ALIASED = `SELECT c.* FROM customer_aliases a JOIN customers c ON c.id = a.customer_pk
  WHERE a.account_id = ? AND a.customer_id = ? AND c.deleted_at IS NULL`;
const FIND_ALIASED = sql(ALIASED);
/**
 * SQL: the key of the customer lockCustomer finds by an ID (the live one with it, else the profile
 * it was merged into), from the parameters (account_id, customer_id, account_id, customer_id).
 */
export const LIVE_OR_ALIASED_ID = `coalesce(
  (SELECT id FROM customers WHERE account_id = ? AND customer_id = ? AND deleted_at IS NULL),
  (SELECT customer_pk FROM customer_aliases WHERE account_id = ? AND customer_id = ?))`;
// The live customer with the ID, else the profile the ID was merged into, locked by one statement:
// an unknown ID (about to be created) costs no second round trip on PostgreSQL, and what is sent
// right behind this statement runs under the lock of either. The alias is read only when no live
// customer has the ID (PostgreSQL evaluates the second operand of coalesce only when needed).
const LOCK_LIVE_OR_ALIASED = sql(`SELECT * FROM customers WHERE deleted_at IS NULL AND id = ${LIVE_OR_ALIASED_ID} FOR UPDATE`);
const INSERT = sql(
  `INSERT INTO customers (account_id, customer_id, email, mobile, attributes, referral_code, referrer_code, is_guest, hash, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (account_id, customer_id) WHERE deleted_at IS NULL DO NOTHING RETURNING *`,
);
const UPDATE_PROFILE = sql('UPDATE customers SET attributes = ?, email = ?, mobile = ?, is_guest = ?, updated_at = ? WHERE id = ?');
const SOFT_DELETE = sql('UPDATE customers SET deleted_at = ? WHERE account_id = ? AND customer_id = ? AND deleted_at IS NULL');
const SET_HASH = sql('UPDATE customers SET hash = ? WHERE id = ?');

/** The live (not deleted) customer with this ID, or the profile the ID was merged into, or undefined. */
export async function findCustomer(q: Queryable, accountId: string, customerId: string): Promise<CustomerRow | undefined> {
  return (await q.get<CustomerRow>(FIND_LIVE, [accountId, customerId])) ?? q.get<CustomerRow>(FIND_ALIASED, [accountId, customerId]);
}

export async function requireCustomer(q: Queryable, accountId: string, customerId: string): Promise<CustomerRow> {
  const row = await findCustomer(q, accountId, customerId);
  if (!row) throw errors.customerNotFound(customerId);
  return row;
}

/**
 * The live customer (or the profile the ID was merged into) with its row locked until the
 * transaction ends (PostgreSQL; SQLite holds the database).
 */
export function lockCustomer(tx: Queryable, accountId: string, customerId: string): Promise<CustomerRow | undefined> {
  return tx.get<CustomerRow>(LOCK_LIVE_OR_ALIASED, [accountId, customerId, accountId, customerId]);
}

// The wallet of the customer lockCustomer finds by this ID (none when it has none yet), with the
// owner's key to check it against the customer the lock found.
const LIVE_WALLET = sql(`SELECT c.id AS owner_pk, w.* FROM customers c LEFT JOIN wallets w ON w.customer_pk = c.id
  WHERE c.deleted_at IS NULL AND c.id = ${LIVE_OR_ALIASED_ID}`);

/**
 * The wallet row of the live customer with this ID, or of the profile it was merged into:
 * undefined when no such customer, `row` undefined when it has no wallet.
 */
export async function liveWallet(q: Queryable, accountId: string, customerId: string): Promise<{ ownerPk: number; row: WalletRow | undefined } | undefined> {
  const found = await q.get<WalletRow & { owner_pk: number }>(LIVE_WALLET, [accountId, customerId, accountId, customerId]);
  if (!found) return undefined;
  const { owner_pk: ownerPk, ...row } = found;
  return { ownerPk: Number(ownerPk), row: row.customer_pk === null ? undefined : row };
}

const MERGED_INTO = sql(`SELECT c.customer_id FROM customer_aliases a JOIN customers c ON c.id = a.customer_pk
  WHERE a.account_id = ? AND a.customer_id = ?`);

/** The customerId of the profile another ID was merged into (channel merging), or undefined. */
export async function mergedInto(q: Queryable, accountId: string, customerId: string): Promise<string | undefined> {
  return (await q.get<{ customer_id: string }>(MERGED_INTO, [accountId, customerId]))?.customer_id;
}

/** The live customer that holds this customerId itself (aliases not consulted), locked. */
export function lockOwnCustomer(tx: Queryable, accountId: string, customerId: string): Promise<CustomerRow | undefined> {
  return tx.get<CustomerRow>(LOCK_LIVE, [accountId, customerId]);
}

/** A customer by gameballId, deleted or not, locked. */
export async function lockCustomerById(tx: Queryable, id: number): Promise<CustomerRow> {
  const row = await tx.get<CustomerRow>(LOCK_BY_ID, [id]);
  if (!row) throw new Error(`customer ${id} vanished`);
  return row;
}

export interface NewCustomer {
  customerId: string;
  email?: string | null | undefined;
  mobile?: string | null | undefined;
  attributes?: string;
  referrerCode?: string | null | undefined;
  guest?: boolean | undefined;
}

/** Inserts a customer unless a live one with this ID exists; answers the new row (locked: this transaction wrote it). */
export function insertCustomerRow(tx: Queryable, account: { id: string }, values: NewCustomer, now: string): Promise<CustomerRow | undefined> {
  return tx.get<CustomerRow>(INSERT, [
    account.id, values.customerId, values.email ?? null, values.mobile ?? null, values.attributes ?? '{}',
    referralCode(), values.referrerCode ?? null, values.guest ? 1 : 0, newHash(), now, now,
  ]);
}

export async function updateProfile(
  tx: Queryable,
  id: number,
  profile: { attributes: string; email: string | null; mobile: string | null; isGuest: number },
  now: string,
): Promise<void> {
  await tx.run(UPDATE_PROFILE, [profile.attributes, profile.email, profile.mobile, profile.isGuest, now, id]);
}

/** Soft delete: answers whether a live customer was deleted. */
export async function softDelete(q: Queryable, accountId: string, customerId: string, now: string): Promise<boolean> {
  return (await q.run(SOFT_DELETE, [now, accountId, customerId])) > 0;
}

/** The hash changes after each redemption or hold, so a captured one cannot be replayed. */
export async function rotateHash(tx: Queryable, id: number): Promise<void> {
  await later(tx, SET_HASH, [newHash(), id]);
}
