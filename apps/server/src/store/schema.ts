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
}

export interface Database {
  customers: CustomersTable;
  ledger_entries: LedgerEntriesTable;
}
