import { randomInt } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import type { CustomersTable } from '../store/schema.js';
import type { Db, Store, Tx } from '../store/store.js';
import {
  allAttributes,
  mergeAttributes,
  normaliseAttributes,
  publicAttributes,
  type StoredAttributes,
} from './customer-attributes.js';

type Schemas = components['schemas'];
export type CustomerRow = Omit<CustomersTable, 'id'> & { id: number };

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function referralCode(): string {
  let code = '';
  for (let i = 0; i < 14; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A fresh six-digit verifier for redemptions and holds. */
export function newHash(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/**
 * The live (not deleted) customer, or undefined. Inside a transaction on PostgreSQL the row is
 * locked, so changes to one customer's points happen one after another.
 */
export async function findCustomer(
  db: Db | Tx,
  store: Pick<Store, 'dialect'>,
  accountId: string,
  customerId: string,
  lock = false,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .$if(lock && store.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function requireCustomer(
  db: Db | Tx,
  store: Pick<Store, 'dialect'>,
  accountId: string,
  customerId: string,
  lock = false,
): Promise<CustomerRow> {
  const row = await findCustomer(db, store, accountId, customerId, lock);
  if (!row) throw errors.customerNotFound(customerId);
  return row;
}

function newCustomerRow(account: Account, customerId: string, now: string): Omit<CustomerRow, 'id' | 'deleted_at'> {
  return {
    account_id: account.id,
    customer_id: customerId,
    email: null,
    mobile: null,
    attributes: '{}',
    referral_code: referralCode(),
    referrer_code: null,
    is_guest: 0,
    hash: newHash(),
    created_at: now,
    updated_at: now,
  };
}

/** Inserts a customer unless a live one with this ID exists; returns its ID when inserted. */
async function insertCustomer(tx: Tx, values: ReturnType<typeof newCustomerRow>): Promise<number | undefined> {
  const inserted = await tx
    .insertInto('customers')
    .values(values)
    .onConflict((oc) => oc.columns(['account_id', 'customer_id']).where('deleted_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/** The customer, locked; created with no attributes when unknown (cashback creates customers). */
export async function findOrCreateCustomer(
  tx: Tx,
  store: Pick<Store, 'dialect'>,
  account: Account,
  customerId: string,
  now: string,
): Promise<CustomerRow> {
  const found = await findCustomer(tx, store, account.id, customerId, true);
  if (found) return found;
  await insertCustomer(tx, newCustomerRow(account, customerId, now));
  return requireCustomer(tx, store, account.id, customerId, true);
}

/** Locks a customer row by its gameballId, deleted or not (for settling its ledger). */
export async function lockCustomerById(tx: Tx, store: Pick<Store, 'dialect'>, id: number): Promise<CustomerRow> {
  return tx
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .$if(store.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
}

/** Creates the customer or merges the update into the stored profile. */
export async function upsertCustomer(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['CustomerUpsert'],
): Promise<Schemas['CustomerCreated']> {
  const update = normaliseAttributes(input.customerAttributes as Record<string, unknown>);
  const now = clock.now().toISOString();
  return store.db.transaction().execute(async (tx) => {
    let row = await findCustomer(tx, store, account.id, input.customerId, true);
    if (!row) {
      const inserted = await insertCustomer(tx, {
        ...newCustomerRow(account, input.customerId, now),
        email: input.email ?? null,
        mobile: input.mobile ?? null,
        attributes: JSON.stringify(update),
        referrer_code: input.referrerCode ?? null,
        is_guest: input.guest ? 1 : 0,
      });
      if (inserted !== undefined) return { gameballId: inserted };
      // Another request created it a moment ago: update that profile instead.
      row = await requireCustomer(tx, store, account.id, input.customerId, true);
    }
    const stored = JSON.parse(row.attributes) as StoredAttributes;
    await tx
      .updateTable('customers')
      .set({
        attributes: JSON.stringify(mergeAttributes(stored, update)),
        email: input.email ?? row.email,
        mobile: input.mobile ?? row.mobile,
        is_guest: input.guest === undefined ? row.is_guest : input.guest ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    return { gameballId: row.id };
  });
}

function referral(account: Account, row: CustomerRow): Schemas['CustomerReferral'] {
  const link = new URL(account.referralBaseUrl);
  link.searchParams.set('ReferralCode', row.referral_code);
  return {
    referralCode: row.referral_code,
    referralLink: link.toString(),
    dynamicReferralLink: null,
    isReferred: row.referrer_code !== null,
  };
}

/** The profile without personal data. */
export function toPublicCustomer(account: Account, row: CustomerRow): Schemas['Customer'] {
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: publicAttributes(JSON.parse(row.attributes)),
    ...referral(account, row),
  };
}

/** The profile with personal data. */
export function toCustomerDetails(account: Account, row: CustomerRow): Schemas['CustomerDetails'] {
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: allAttributes(JSON.parse(row.attributes), row),
    ...referral(account, row),
  };
}

/** Soft delete: the profile disappears from reads; its ledger entries stay. */
export async function deleteCustomer(
  store: Store,
  account: Account,
  clock: Clock,
  customerId: string,
): Promise<void> {
  const result = await store.db
    .updateTable('customers')
    .set({ deleted_at: clock.now().toISOString() })
    .where('account_id', '=', account.id)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw errors.customerNotFound(customerId);
}
