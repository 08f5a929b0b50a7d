import type { LedgerRow, LotRow } from '../../store/schema.js';
import { later, sql } from '../../store/sql.js';
import { checkLimit, MAX_TOTAL } from '../shared/limits.js';
import { noteAppended } from './entries-written.js';
import { nextLedgerId } from './ledger-ids.js';
import { ruleOf, type EntryStatus, type EntryType, type OperationKind } from './entry-types.js';
import { activateLot, createLot, firstSpendable, lotOfEntry, reduceLot, restoreLots, spendLots, takeFromLot, type LedgerUnit } from './lots.js';
import { addToTotals } from './progress-totals.js';

export type { LedgerRow, LedgerUnit };

/**
 * The ledger is the only writer of entries, wallets, lots and the leaderboard's totals: every
 * change of a customer's points is one append here, inside the unit of work that holds the
 * customer's lock.
 */
export interface NewEntry {
  kind: OperationKind;
  transactionId: string;
  type: EntryType;
  points: number;
  amount: string | null;
  status: EntryStatus;
  reason?: string | null;
  username?: string | null;
  transactionTime: string;
  /** Defaults to the unit's instant; an Expiry entry is dated when its points expired. */
  createdAt?: string;
  /** For pending earnings: when the return window ends. */
  activatesAt?: string | null;
  /** For active earnings: when their points expire (null: never). */
  expiryDate?: string | null;
  /** Expiry -> the lot's entry; Cancel -> the reward; Refund -> the redemption. */
  sourceEntryId?: number | null;
  score?: number;
  /** AchievementReward of a campaign: which one and its name as shown. */
  achievedRewardCampaignId?: number | null;
  achievementName?: string | null;
  /** AchievementReward of a tier's entry reward. */
  achievedTierId?: number | null;
  /** The order (or payment) the entry belongs to. */
  orderId?: string | null;
  merchantName?: string | null;
  branchName?: string | null;
}

const COLUMNS = `account_id, customer_pk, customer_id, kind, transaction_id, type, direction, points, amount, status,
     balance_before, balance_after, reason, username, transaction_time, expiry_date, created_at, activates_at, activated_at,
     source_entry_id, score, achieved_reward_campaign_id, achievement_name, achieved_tier_id, order_id, merchant_name, branch_name`;
const VALUES = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?';
const INSERT = sql(`INSERT INTO ledger_entries (${COLUMNS}) VALUES (${VALUES}) RETURNING id`);
/** With an id reserved under the customer's lock (ledger-ids.ts): nothing to wait for. */
const INSERT_WITH_ID = sql(`INSERT INTO ledger_entries (id, ${COLUMNS}) VALUES (?, ${VALUES})`);
const ACTIVATE = sql("UPDATE ledger_entries SET status = 'Active', activated_at = ?, expiry_date = ? WHERE id = ?");

export interface Customer {
  id: number;
  account_id: string;
  customer_id: string;
}

/** Appends an entry with the balance before and after it, and applies its effect to the wallet and lots. */
export async function append(u: LedgerUnit, customer: Customer, entry: NewEntry): Promise<LedgerRow> {
  const rule = ruleOf(entry.type);
  const w = u.wallet;
  const sign = rule.direction === '+' ? 1 : -1;
  const score = rule.score ? (entry.score ?? 0) : 0;
  if (sign > 0) checkLimit(w.balance + entry.points, 'points balance');
  checkLimit(w.earned + rule.earned * entry.points, 'lifetime earned points', MAX_TOTAL);
  checkLimit(w.score + sign * score, 'score', MAX_TOTAL);
  const createdAt = entry.createdAt ?? u.now;
  const pending = entry.status === 'Pending';
  const activatedAt = rule.effect === 'earn' && !pending ? createdAt : null;
  const row: LedgerRow = {
    id: 0,
    account_id: customer.account_id,
    customer_pk: customer.id,
    customer_id: customer.customer_id,
    kind: entry.kind,
    transaction_id: entry.transactionId,
    type: entry.type,
    direction: rule.direction,
    points: entry.points,
    amount: entry.amount,
    status: entry.status,
    balance_before: w.balance,
    balance_after: w.balance + sign * entry.points,
    reason: entry.reason ?? null,
    username: entry.username ?? null,
    transaction_time: entry.transactionTime,
    expiry_date: pending ? null : (entry.expiryDate ?? null),
    created_at: createdAt,
    activates_at: pending ? (entry.activatesAt ?? null) : null,
    activated_at: activatedAt,
    source_entry_id: entry.sourceEntryId ?? null,
    score,
    achieved_reward_campaign_id: entry.achievedRewardCampaignId ?? null,
    achievement_name: entry.achievementName ?? null,
    achieved_tier_id: entry.achievedTierId ?? null,
    order_id: entry.orderId ?? null,
    merchant_name: entry.merchantName ?? null,
    branch_name: entry.branchName ?? null,
  };
  const values = [
    row.account_id, row.customer_pk, row.customer_id, row.kind, row.transaction_id, row.type, row.direction, row.points,
    row.amount, row.status, row.balance_before, row.balance_after, row.reason, row.username, row.transaction_time,
    row.expiry_date, row.created_at, row.activates_at, row.activated_at, row.source_entry_id, row.score,
    row.achieved_reward_campaign_id, row.achievement_name, row.achieved_tier_id, row.order_id, row.merchant_name, row.branch_name,
  ];
  const reserved = await nextLedgerId(u);
  const inserting = reserved === undefined ? u.q.get<{ id: number }>(INSERT, values) : later(u.q, INSERT_WITH_ID, [reserved, ...values]);
  // A spend reads its first lots together with the insert (one round trip on PostgreSQL).
  const lots = rule.effect === 'spend' && row.points > 0 ? firstSpendable(u) : undefined;
  const [inserted, firstLots] = await Promise.all([inserting, lots]);
  row.id = reserved ?? (inserted as { id: number }).id;
  noteAppended(u, entry.type);
  w.balance = row.balance_after;
  w.score += sign * score;
  w.earned += rule.earned * entry.points;
  w.dirty = true;
  await addToTotals(u.q, row);
  await applyEffect(u, row, rule.effect, firstLots);
  return row;
}

async function applyEffect(u: LedgerUnit, row: LedgerRow, effect: ReturnType<typeof ruleOf>['effect'], firstLots?: LotRow[]): Promise<void> {
  if (row.points === 0) return; // moves nothing, as in the replay
  const own = async () => (row.source_entry_id === null ? undefined : lotOfEntry(u.q, row.source_entry_id));
  switch (effect) {
    case 'earn':
      return createLot(u, row.id, row.points, { activatesAt: row.activates_at, activatedAt: row.activated_at, expiresAt: row.expiry_date });
    case 'spend':
      u.wallet.debt += await spendLots(u, row.id, row.points, firstLots);
      return;
    case 'reverse': {
      const lot = await own();
      const left = row.points - (lot ? await takeFromLot(u, row.id, lot, row.points) : 0);
      u.wallet.debt += await spendLots(u, row.id, left);
      return;
    }
    case 'restore': {
      const left = row.source_entry_id === null ? row.points : await restoreLots(u, row.source_entry_id, row.points);
      if (left > 0) await createLot(u, row.id, left, { activatesAt: null, activatedAt: row.created_at, expiresAt: null });
      return;
    }
    case 'expire': {
      const lot = await own();
      if (lot) await reduceLot(u, lot, row.points);
      return;
    }
  }
}

/** Ends a pending earning's return window at `at`; its points then expire at `expiresAt`. */
export async function activateEntry(u: LedgerUnit, lot: LotRow, at: string, expiresAt: string | null): Promise<void> {
  await u.q.run(ACTIVATE, [at, expiresAt, lot.entry_id]);
  await activateLot(u, lot, at, expiresAt);
}
