import type { Generated } from 'kysely';

/** Rows as they are stored. Times are ISO 8601 UTC strings; money is a decimal string. */
export interface CustomersTable {
  /** The customer's gameballId. */
  id: Generated<number>;
  account_id: string;
  customer_id: string;
  email: string | null;
  mobile: string | null;
  /** JSON object of the customer's attributes. */
  attributes: string;
  referral_code: string;
  referrer_code: string | null;
  is_guest: number;
  hash: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface LedgerEntriesTable {
  /** The gameballTransactionId; ascending in the order entries were written. */
  id: Generated<number>;
  account_id: string;
  customer_pk: number;
  customer_id: string;
  /** The operation that wrote the entry; a transactionId is unique per (account, kind). */
  kind: string;
  transaction_id: string;
  type: string;
  direction: '+' | '-';
  points: number;
  amount: string | null;
  status: string;
  balance_before: number;
  balance_after: number;
  reason: string | null;
  username: string | null;
  transaction_time: string;
  expiry_date: string | null;
  created_at: string;
  activates_at: string | null;
  activated_at: string | null;
  source_entry_id: number | null;
  /** Score moved with the points, in the entry's direction. */
  score: Generated<number>;
  expiry_settled: Generated<number>;
}

export interface HoldsTable {
  id: Generated<number>;
  account_id: string;
  customer_pk: number;
  customer_id: string;
  reference: string;
  points: number;
  amount: string;
  /** active | used | released | expired (an active hold past expires_at reads as expired). */
  state: string;
  expires_at: string;
  created_at: string;
  closed_at: string | null;
  redemption_entry_id: number | null;
}

export interface OtpsTable {
  id: Generated<number>;
  account_id: string;
  customer_pk: number;
  code: string;
  points: number;
  expires_at: string;
  created_at: string;
  used_at: string | null;
}

export interface Database {
  customers: CustomersTable;
  ledger_entries: LedgerEntriesTable;
  holds: HoldsTable;
  otps: OtpsTable;
}
