import type { components } from '@gameball-open/server-types';
import type { Account } from '../../accounts.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { allAttributes, publicAttributes } from './attributes.js';
import { requireCustomer, softDelete, type CustomerRow } from './customer-store.js';

type Schemas = components['schemas'];

function referral(account: Account, row: CustomerRow): Schemas['CustomerReferral'] {
  const link = new URL(account.referralBaseUrl);
  link.searchParams.set('ReferralCode', row.referral_code);
  return {
    referralCode: row.referral_code,
    referralLink: link.toString(),
    // dynamicReferralLink is left out: this server makes no dynamic links, and null is no string.
    isReferred: row.referrer_code !== null,
  };
}

/** The profile without personal data. */
export async function getCustomer({ store, account }: Scope, customerId: string): Promise<Schemas['Customer']> {
  const row = await requireCustomer(store, account.id, customerId);
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: publicAttributes(JSON.parse(row.attributes)),
    ...referral(account, row),
  };
}

/** The profile with personal data. */
export async function getCustomerDetails({ store, account }: Scope, customerId: string): Promise<Schemas['CustomerDetails']> {
  const row = await requireCustomer(store, account.id, customerId);
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: allAttributes(JSON.parse(row.attributes), row),
    ...referral(account, row),
  };
}

export async function getCustomerHash({ store, account }: Scope, customerId: string): Promise<Schemas['CustomerHash']> {
  return { hash: (await requireCustomer(store, account.id, customerId)).hash };
}

/** Soft delete: the profile disappears from reads; its ledger entries stay. */
export async function deleteCustomer({ store, account, clock }: Scope, customerId: string): Promise<void> {
  if (!(await softDelete(store, account.id, customerId, clock.now().toISOString()))) throw errors.customerNotFound(customerId);
}
