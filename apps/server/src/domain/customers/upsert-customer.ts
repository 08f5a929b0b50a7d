import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { mergeAttributes, normaliseAttributes, type StoredAttributes } from './attributes.js';
import { insertCustomer, lockCustomer, updateProfile } from './customer-store.js';
import { welcomeCustomer } from '../campaigns/built-in-campaigns.js';
import { withCustomer } from '../points/unit-of-work.js';

type Schemas = components['schemas'];

/** Creates the customer or merges the update into the stored profile. */
export async function upsertCustomer(scope: Scope, input: Schemas['CustomerUpsert']): Promise<Schemas['CustomerCreated']> {
  const { created, gameballId } = await saveProfile(scope, input);
  // A new customer gets the SignUp campaigns in a unit of work of their own, right after the
  // insert commits (achieving them is idempotent: each SignUp campaign is achieved once).
  if (created && scope.account.program.campaigns.some((c) => c.type === 'SignUp')) await withCustomer(scope, { customerPk: gameballId }, null, welcomeCustomer);
  return { gameballId };
}

async function saveProfile({ store, account, clock }: Scope, input: Schemas['CustomerUpsert']): Promise<{ created: boolean; gameballId: number }> {
  const update = normaliseAttributes(input.customerAttributes as Record<string, unknown>);
  const now = clock.now().toISOString();
  return store.transaction(async (tx) => {
    const inserted = await insertCustomer(
      tx,
      account,
      { ...input, attributes: JSON.stringify(update) },
      now,
    );
    if (inserted !== undefined) return { created: true, gameballId: inserted };
    // The customer exists (perhaps created a moment ago by another request): merge into it.
    const row = (await lockCustomer(tx, account.id, input.customerId))!;
    const stored = JSON.parse(row.attributes) as StoredAttributes;
    await updateProfile(
      tx,
      row.id,
      {
        attributes: JSON.stringify(mergeAttributes(stored, update)),
        email: input.email ?? row.email,
        mobile: input.mobile ?? row.mobile,
        isGuest: input.guest === undefined ? row.is_guest : input.guest ? 1 : 0,
      },
      now,
    );
    return { created: false, gameballId: row.id };
  });
}
