import type { components } from '@gameball-open/server-types';
import { profileUpdate, saveProfile } from '../../domain/customers/save-profile.js';
import { recordReferral } from '../../domain/referrals/record-referral.js';
import { queueProfileWritten } from '../../domain/webhooks/outbox.js';
import type { Scope } from '../../scope.js';
import { welcomeInTransaction } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /customers: creates the customer or merges the update into the stored profile; a
 * `referrerCode` may record a referral. A new customer gets the SignUp campaigns in the same
 * transaction (on accounts that have them; otherwise creating a customer stays one statement).
 * A new customer, or a new email or mobile, is a `customer.profile.updated` webhook (the SignUp
 * unit of work writes it when there is one).
 */
export async function createCustomer(scope: Scope, input: Schemas['CustomerUpsert']): Promise<Schemas['CustomerCreated']> {
  const { store, account, clock } = scope;
  const change = profileUpdate(input);
  const now = clock.now().toISOString();
  const { gameballId, afterCommit } = await store.transaction(async (tx) => {
    const { row, created, contactChanged } = await saveProfile(tx, account, input, change, now);
    if (input.referrerCode !== undefined && input.referrerCode !== '') await recordReferral(tx, account, row, input.referrerCode, now);
    const welcome = created && account.program.campaigns.some((c) => c.type === 'SignUp');
    if (!welcome && (created || contactChanged)) await queueProfileWritten(tx, account, row, created, now);
    return { gameballId: row.id, afterCommit: welcome ? await welcomeInTransaction(tx, scope, row) : [] };
  });
  for (const task of afterCommit) await task(scope);
  return { gameballId };
}
