import type { components } from '@gameball-open/server-types';
import { allAttributes, publicAttributes } from './attributes.js';
import type { CustomerRow } from './customer-store.js';

type Schemas = components['schemas'];

/** Referral links are the account's `referralBaseUrl` with `?ReferralCode=<code>` appended. */
export function referralLink(referralBaseUrl: string, referralCode: string): string {
  const link = new URL(referralBaseUrl);
  link.searchParams.set('ReferralCode', referralCode);
  return link.toString();
}

function referral(referralBaseUrl: string, row: CustomerRow): Schemas['CustomerReferral'] {
  return {
    referralCode: row.referral_code,
    referralLink: referralLink(referralBaseUrl, row.referral_code),
    // dynamicReferralLink is left out: this server makes no dynamic links, and null is no string.
    isReferred: row.referrer_code !== null,
  };
}

/** The profile without personal data. */
export function customerView(account: { referralBaseUrl: string }, row: CustomerRow): Schemas['Customer'] {
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: publicAttributes(JSON.parse(row.attributes)),
    ...referral(account.referralBaseUrl, row),
  };
}

/** The profile with personal data. */
export function customerDetailsView(account: { referralBaseUrl: string }, row: CustomerRow): Schemas['CustomerDetails'] {
  return {
    gameballId: row.id,
    customerId: row.customer_id,
    customerAttributes: allAttributes(JSON.parse(row.attributes), row),
    ...referral(account.referralBaseUrl, row),
  };
}
