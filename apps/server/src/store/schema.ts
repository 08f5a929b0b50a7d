/**
 * Rows as they are stored. Times are ISO 8601 UTC strings (they sort as text); money is a
 * decimal string; flags are 0/1.
 */
export interface CustomerRow {
  /** The customer's gameballId. */
  id: number;
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
  /** The customer's tier (its order); null = the lowest. */
  tier_order: number | null;
  /** Money paid for orders (never the part paid with points), a decimal string. */
  amount_spent: string;
  orders_count: number;
  /** Referred friends whose referral is Active. */
  friends_referred: number;
  /** 0 when the customer opted out (PUT /customers/{id}/activate). */
  is_active: number;
}

export interface LedgerRow {
  /** The gameballTransactionId; ascending in the order entries were written. */
  id: number;
  account_id: string;
  customer_pk: number;
  customer_id: string;
  /** The operation that wrote the entry (an OperationKind). */
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
  /** Expiry -> the lot's entry; Cancel -> the reward; Refund -> the redemption. */
  source_entry_id: number | null;
  /** Score moved with the points, in the entry's direction. */
  score: number;
  achieved_reward_campaign_id: number | null;
  achievement_name: string | null;
  achieved_tier_id: number | null;
  order_id: string | null;
  merchant_name: string | null;
  branch_name: string | null;
}

export interface HoldRow {
  id: number;
  account_id: string;
  customer_pk: number;
  customer_id: string;
  reference: string;
  points: number;
  amount: string;
  /** active | used | released | expired (an active hold past expires_at counts as expired). */
  state: string;
  expires_at: string;
  created_at: string;
  closed_at: string | null;
  redemption_entry_id: number | null;
}

export interface OtpRow {
  id: number;
  account_id: string;
  customer_pk: number;
  code: string;
  points: number;
  expires_at: string;
  created_at: string;
  used_at: string | null;
}

/** The figures of a wallet; domain/points/wallet.ts says what each one means. */
export interface WalletFigures {
  balance: number;
  active: number;
  pending: number;
  debt: number;
  held: number;
  score: number;
  earned: number;
}

/** A customer's points as last written. */
export interface WalletRow extends WalletFigures {
  customer_pk: number;
  account_id: string;
  next_due_at: string | null;
}

export interface LotRow {
  id: number;
  customer_pk: number;
  entry_id: number;
  remaining: number;
  activates_at: string | null;
  activated_at: string | null;
  /** NEVER when the points do not expire. */
  expires_at: string;
}

export interface CouponRow {
  id: number;
  account_id: string;
  customer_pk: number;
  /** As issued; `code_key` is the same upper-cased, for lookups without regard to case. */
  code: string;
  code_key: string;
  name: string;
  /** shipping | fixed | percentage | product | custom */
  type: string;
  /** Amount off or percentage, a decimal string. */
  value: string;
  target: string;
  is_manual: number;
  currency: string | null;
  start_date: string;
  expiry_date: string | null;
  is_active: number;
  usage_limit: number | null;
  limit_per_customer: number | null;
  used_count: number;
  customer_used_count: number;
  capping: string | null;
  min_order_value: string | null;
  /** JSON: entitled lists, combinesWith, group (domain/coupons/coupon-terms.ts). */
  terms: string;
  rule_id: number | null;
  /** The DiscountCode entry that paid for the coupon. */
  entry_id: number | null;
  /** The lock that last took the coupon; it holds it only while that lock is live and unexpired. */
  lock_id: number | null;
  created_at: string;
  last_used_at: string | null;
}

export interface CouponLockRow {
  id: number;
  account_id: string;
  reference: string;
  customer_pk: number;
  /** live | burned | released (a live lock past expires_at has lapsed). */
  state: string;
  expires_at: string;
  created_at: string;
  closed_at: string | null;
}

/** A batch (POST /batch/...): what it runs, how many items, who sent it; its state is derived from its items. */
export interface BatchJobRow {
  id: number;
  account_id: string;
  /** A BatchKind (domain/batches/batch-kinds.ts). */
  kind: string;
  item_count: number;
  /** The request that submitted it (its requestId). */
  request_id: string;
  created_at: string;
  /** When its first item was taken; null while queued. */
  started_at: string | null;
  stopped_at: string | null;
}

/** One item of a batch: its payload as sent, then its outcome, written with its effect. */
export interface BatchItemRow {
  id: number;
  job_id: number;
  account_id: string;
  item_index: number;
  /** Whom the item is about (its customerId, or orderId): one subject's items are applied in order. */
  subject: string;
  /** The item as JSON. */
  payload: string;
  /** pending | succeeded | failed | skipped */
  state: string;
  customer_id: string | null;
  order_id: string | null;
  message: string | null;
  /** The Gameball error code of a failed item. */
  code: number | null;
  /** A succeeded item's answer as JSON. */
  result: string | null;
  done_at: string | null;
  /** The process that applied it (host:pid), for an operator following a batch across servers. */
  worker: string | null;
}

/** A webhook subscription set through the reference tools; it overrides the accounts file's. */
export interface WebhookSubscriptionRow {
  account_id: string;
  /** null: the account has no subscription (the file's is overridden too). */
  url: string | null;
  version: string;
  updated_at: string;
}

/** One webhook to send: written with the change it reports, then claimed, sent and answered. */
export interface WebhookDeliveryRow {
  id: number;
  account_id: string;
  topic: string;
  customer_pk: number;
  customer_id: string;
  /** The exact JSON text that is signed and sent. */
  body: string;
  /** pending | delivered | failed */
  status: string;
  /** Attempts begun (a claim counts one before the request is sent). */
  attempts: number;
  created_at: string;
  /** When the next attempt is due, or until when a claim holds the row; null once delivered or failed. */
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_body: string | null;
  last_error: string | null;
  last_duration_ms: number | null;
}
