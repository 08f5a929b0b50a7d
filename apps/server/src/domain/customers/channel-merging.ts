import { sql, type Queryable } from '../../store/sql.js';
import type { Program } from '../program/program.js';
import { insertCustomerRow, lockOwnCustomer, type CustomerRow, type NewCustomer } from './customer-store.js';

/**
 * Channel merging: with the account's setting on `email` (or `mobile`), an
 * unknown customerId that arrives with a known email (or mobile) becomes another ID of that
 * profile (an alias) instead of a new profile, so web, app and POS IDs share one wallet. Two
 * existing profiles are never merged; a request without the key creates a separate profile.
 */
export interface MergeKey {
  kind: 'email' | 'mobile';
  key: string;
}

/** The account as channel merging reads it: its id and its merging setting. */
export interface MergingAccount {
  id: string;
  program: Pick<Program, 'channelMerging'>;
}

const FIND_OWNER = sql(
  `SELECT c.* FROM customer_merge_keys k JOIN customers c ON c.id = k.customer_pk
   WHERE k.account_id = ? AND k.kind = ? AND k.merge_key = ? AND c.deleted_at IS NULL FOR UPDATE OF c`,
);
const CLAIM_KEY = sql('INSERT INTO customer_merge_keys (account_id, kind, merge_key, customer_pk) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
// A key whose owner was deleted passes to the new profile.
const TAKE_OVER_KEY = sql('UPDATE customer_merge_keys SET customer_pk = ? WHERE account_id = ? AND kind = ? AND merge_key = ?');
const ADD_ALIAS = sql('INSERT INTO customer_aliases (account_id, customer_id, customer_pk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
const DROP_UNUSED = sql('DELETE FROM customers WHERE id = ?');

/** The normalised merge key of a request under the account's setting: email trimmed and lower-cased; mobile as digits with its leading +. */
export function mergeKeyOf(program: Pick<Program, 'channelMerging'>, contact: { email?: string | null | undefined; mobile?: string | null | undefined }): MergeKey | null {
  if (program.channelMerging === 'email') {
    const key = contact.email?.trim().toLowerCase() ?? '';
    return key === '' ? null : { kind: 'email', key };
  }
  if (program.channelMerging === 'mobile') {
    const raw = contact.mobile?.trim() ?? '';
    const digits = raw.replace(/\D/g, '');
    return digits === '' ? null : { kind: 'mobile', key: `${raw.startsWith('+') ? '+' : ''}${digits}` };
  }
  return null;
}

async function joinOwner(tx: Queryable, account: MergingAccount, customerId: string, owner: CustomerRow, now: string): Promise<CustomerRow> {
  await tx.run(ADD_ALIAS, [account.id, customerId, owner.id, now]);
  return owner;
}

/**
 * For a customerId no profile answers to: the profile that owns the request's merge key (the ID
 * becomes its alias), else a new customer that then owns the key. When another request claimed
 * the key a moment earlier, the new row is dropped and the ID joins that profile.
 */
export async function createOrJoin(
  tx: Queryable,
  account: MergingAccount,
  values: NewCustomer,
  now: string,
  /** Called right after the insert is sent, before its answer: what it sends runs behind the insert. */
  behindInsert?: () => void,
): Promise<{ row: CustomerRow; created: boolean }> {
  const merge = mergeKeyOf(account.program, values);
  if (merge) {
    const owner = await tx.get<CustomerRow>(FIND_OWNER, [account.id, merge.kind, merge.key]);
    if (owner) return { row: await joinOwner(tx, account, values.customerId, owner, now), created: false };
  }
  const inserting = insertCustomerRow(tx, account, values, now);
  behindInsert?.();
  const row = await inserting;
  // Created a moment ago by a concurrent request: that one is the customer.
  if (!row) return { row: (await lockOwnCustomer(tx, account.id, values.customerId))!, created: false };
  if (merge && (await tx.run(CLAIM_KEY, [account.id, merge.kind, merge.key, row.id])) === 0) {
    const owner = await tx.get<CustomerRow>(FIND_OWNER, [account.id, merge.kind, merge.key]);
    if (owner) {
      await tx.run(DROP_UNUSED, [row.id]);
      return { row: await joinOwner(tx, account, values.customerId, owner, now), created: false };
    }
    await tx.run(TAKE_OVER_KEY, [row.id, account.id, merge.kind, merge.key]);
  }
  return { row, created: true };
}

/** An existing profile that gains an email (or mobile) owns its key unless another profile does already. */
export async function claimMergeKey(tx: Queryable, account: MergingAccount, row: CustomerRow, contact: { email?: string | null | undefined; mobile?: string | null | undefined }): Promise<void> {
  const merge = mergeKeyOf(account.program, contact);
  if (merge) await tx.run(CLAIM_KEY, [account.id, merge.kind, merge.key, row.id]);
}
