import type { components } from '@gameball-open/server-types';
import type { Account } from '../../accounts.js';
import type { Scope } from '../../scope.js';
import type { Queryable } from '../../store/sql.js';
import { recordReferral } from '../referrals/record-referral.js';
import { mergeAttributes, normaliseAttributes, type StoredAttributes } from './attributes.js';
import { claimMergeKey, createOrJoin } from './channel-merging.js';
import { checkProfile } from './profile-limits.js';
import { insertCustomerRow, lockCustomer, updateProfile, type CustomerRow, type NewCustomer } from './customer-store.js';
import { welcomeInTransaction } from '../points/unit-of-work.js';

type Schemas = components['schemas'];

/**
 * The profile this request is about: created when new. Without channel merging that is one
 * statement (insert unless the ID exists); with it, the ID's own profile, else the profile it
 * was merged into, else the one its email or mobile joins it to.
 */
async function resolve(tx: Queryable, account: Account, values: NewCustomer, now: string): Promise<{ row: CustomerRow; created: boolean }> {
  if (account.program.channelMerging === 'off') {
    const inserted = await insertCustomerRow(tx, account, values, now);
    if (inserted) return { row: inserted, created: true };
    return { row: (await lockCustomer(tx, account.id, values.customerId))!, created: false };
  }
  const found = await lockCustomer(tx, account.id, values.customerId);
  return found ? { row: found, created: false } : createOrJoin(tx, account, values, now);
}

/**
 * Creates the customer or merges the update into the stored profile; a `referrerCode` may record
 * a referral. A new customer gets the SignUp campaigns in the same transaction (on accounts that
 * have them; otherwise creating a customer stays one statement).
 */
export async function upsertCustomer(scope: Scope, input: Schemas['CustomerUpsert']): Promise<Schemas['CustomerCreated']> {
  const { gameballId, afterCommit } = await saveProfile(scope, input);
  for (const task of afterCommit) await task(scope);
  return { gameballId };
}

async function saveProfile(scope: Scope, input: Schemas['CustomerUpsert']) {
  const { store, account, clock } = scope;
  const update = normaliseAttributes(input.customerAttributes as Record<string, unknown>);
  // The profile of a new customer; an existing one only grows from it, so what passes a limit
  // here passes it there too, and is refused before anything is read or written.
  const fresh = mergeAttributes({}, update);
  checkProfile(fresh);
  const now = clock.now().toISOString();
  const { referrerCode, ...profile } = input;
  return store.transaction(async (tx) => {
    const { row, created } = await resolve(tx, account, { ...profile, attributes: JSON.stringify(fresh) }, now);
    if (!created) {
      // The customer exists (perhaps created a moment ago by another request): merge into it.
      const merged = mergeAttributes(JSON.parse(row.attributes) as StoredAttributes, update);
      checkProfile(merged); // the error rolls back the transaction: nothing is written
      await updateProfile(
        tx,
        row.id,
        {
          attributes: JSON.stringify(merged),
          email: input.email ?? row.email,
          mobile: input.mobile ?? row.mobile,
          isGuest: input.guest === undefined ? row.is_guest : input.guest ? 1 : 0,
        },
        now,
      );
      if (account.program.channelMerging !== 'off' && (input.email !== undefined || input.mobile !== undefined)) await claimMergeKey(tx, account, row, input);
    }
    if (referrerCode !== undefined && referrerCode !== '') await recordReferral(tx, account, row, referrerCode, now);
    const welcome = created && account.program.campaigns.some((c) => c.type === 'SignUp');
    return { gameballId: row.id, afterCommit: welcome ? await welcomeInTransaction(tx, scope, row) : [] };
  });
}
