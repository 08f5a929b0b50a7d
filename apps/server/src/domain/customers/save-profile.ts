import type { components } from '@gameball-open/server-types';
import type { Queryable } from '../../store/sql.js';
import { mergeAttributes, normaliseAttributes, type StoredAttributes } from './attributes.js';
import { claimMergeKey, createOrJoin, type MergingAccount } from './channel-merging.js';
import { insertCustomerRow, lockCustomer, updateProfile, type CustomerRow, type NewCustomer } from './customer-store.js';
import { checkProfile } from './profile-limits.js';

type CustomerUpsert = components['schemas']['CustomerUpsert'];

/**
 * The request's attributes in stored form, and the profile of a new customer made of them. An
 * existing profile only grows from it, so what passes a limit here passes it there too, and is
 * refused (3011, 3003) before anything is read or written.
 */
export function profileUpdate(input: CustomerUpsert): { update: StoredAttributes; fresh: StoredAttributes } {
  const update = normaliseAttributes(input.customerAttributes as Record<string, unknown>);
  const fresh = mergeAttributes({}, update);
  checkProfile(fresh);
  return { update, fresh };
}

/**
 * The profile this request is about: created when new. Without channel merging that is one
 * statement (insert unless the ID exists); with it, the ID's own profile, else the profile it
 * was merged into, else the one its email or mobile joins it to.
 */
async function resolve(tx: Queryable, account: MergingAccount, values: NewCustomer, now: string): Promise<{ row: CustomerRow; created: boolean }> {
  if (account.program.channelMerging === 'off') {
    const inserted = await insertCustomerRow(tx, account, values, now);
    if (inserted) return { row: inserted, created: true };
    return { row: (await lockCustomer(tx, account.id, values.customerId))!, created: false };
  }
  const found = await lockCustomer(tx, account.id, values.customerId);
  return found ? { row: found, created: false } : createOrJoin(tx, account, values, now);
}

/**
 * Creates the customer or merges the update into the stored profile, in the caller's
 * transaction; answers the row as stored, whether it was created and whether its email or
 * mobile changed. The customer may exist already (perhaps created a moment ago by another
 * request): the update is merged into it, and a merged profile past a limit is refused, which
 * rolls the transaction back.
 */
export async function saveProfile(
  tx: Queryable,
  account: MergingAccount,
  input: CustomerUpsert,
  change: { update: StoredAttributes; fresh: StoredAttributes },
  now: string,
): Promise<{ row: CustomerRow; created: boolean; contactChanged: boolean }> {
  const { referrerCode: _referrerCode, ...profile } = input;
  const { row, created } = await resolve(tx, account, { ...profile, attributes: JSON.stringify(change.fresh) }, now);
  if (created) return { row, created, contactChanged: false };
  const merged = mergeAttributes(JSON.parse(row.attributes) as StoredAttributes, change.update);
  checkProfile(merged);
  const email = input.email ?? row.email;
  const mobile = input.mobile ?? row.mobile;
  const contactChanged = email !== row.email || mobile !== row.mobile;
  await updateProfile(tx, row.id, { attributes: JSON.stringify(merged), email, mobile, isGuest: input.guest === undefined ? row.is_guest : input.guest ? 1 : 0 }, now);
  if (account.program.channelMerging !== 'off' && (input.email !== undefined || input.mobile !== undefined)) await claimMergeKey(tx, account, row, input);
  return { row: { ...row, email, mobile }, created, contactChanged };
}
