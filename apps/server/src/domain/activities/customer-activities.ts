import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
import { entryTypesWhere, kindFacts, sqlList } from '../points/entry-types.js';
import { textIn } from '../program/local-text.js';
import { toNumber, parseDecimal } from '../shared/decimal.js';
import { SLOTS } from './record-activity.js';

type Schemas = components['schemas'];
type Activity = Schemas['Activity'];

interface ActivityRow {
  activity_id: number;
  activity_type: string;
  transaction_id: string | null;
  points: number | null;
  score: number | null;
  reason: string | null;
  amount: string | null;
  achievement_name: string | null;
  kind: string | null;
  details: string | null;
  created_at: string;
}

/** Ledger entry types listed as activities of the same type. */
const LEDGER_TYPES: readonly string[] = entryTypesWhere((rule) => rule.activity === 'own');
const CAMPAIGN_REWARD_TYPES = sqlList(entryTypesWhere((rule) => rule.activity === 'campaignReward'));
const CAMPAIGN_REWARD = `(type IN ${CAMPAIGN_REWARD_TYPES} AND achieved_reward_campaign_id IS NOT NULL)`;
const ANY_LEDGER_TYPE = `(type IN ${sqlList(LEDGER_TYPES)} OR ${CAMPAIGN_REWARD})`;
/** Activity types recorded by the engine (activities table) rather than read from the ledger. */
const RECORDED_TYPES = new Set<string>(['TierUpgraded', 'TierDowngraded', 'SuccessfulAction', 'Referral', 'Referred', 'CampaignRewarded', 'ReferralBonusReward']);

/**
 * The customer's activities: ledger entries of the types above (an AchievementReward of a
 * campaign is CampaignRewarded) and the activities recorded by the engine (tier changes,
 * referrals), one numbering for both (see record-activity.ts). Each side is read through its
 * index from where the page starts, filtered by type and limited there, so a page reads about a
 * page of rows whatever the customer's history: the ledger by (account_id, customer_id, id), with
 * `customer_pk` telling the live customer from a deleted one of the same customerId; the
 * activities by (customer_pk, activity_id).
 */
const LEDGER_COLUMNS = `CAST(id AS bigint) * ${SLOTS} AS activity_id,
         CASE WHEN type IN ${CAMPAIGN_REWARD_TYPES} THEN 'CampaignRewarded' ELSE type END AS activity_type,
         transaction_id, CAST(points AS bigint) AS points, CAST(score AS bigint) AS score, reason, amount, achievement_name, kind,
         CAST(NULL AS text) AS details, created_at`;
const RECORDED_COLUMNS = `activity_id, type AS activity_type, CAST(NULL AS text) AS transaction_id, CAST(NULL AS bigint) AS points,
         CAST(NULL AS bigint) AS score, CAST(NULL AS text) AS reason, CAST(NULL AS text) AS amount,
         CAST(NULL AS text) AS achievement_name, CAST(NULL AS text) AS kind, details, created_at`;
const OF_CUSTOMER = 'account_id = ? AND customer_id = ? AND customer_pk = ?';

/** Which rows of each side an activityType selects: a condition, or null when that side has none. */
interface Sides {
  ledger: string | null;
  recorded: string | null;
}

function sidesOf(activityType: string | undefined): Sides {
  if (activityType === undefined) return { ledger: ANY_LEDGER_TYPE, recorded: 'true' };
  return {
    ledger: activityType === 'CampaignRewarded' ? CAMPAIGN_REWARD : LEDGER_TYPES.includes(activityType) ? 'type = ?' : null,
    recorded: RECORDED_TYPES.has(activityType) ? 'type = ?' : null,
  };
}

const ledgerPage = (where: string) =>
  `SELECT ${LEDGER_COLUMNS} FROM ledger_entries WHERE ${OF_CUSTOMER} AND id > CAST(? AS bigint) AND ${where} ORDER BY id LIMIT ?`;
const recordedPage = (where: string) =>
  `SELECT ${RECORDED_COLUMNS} FROM activities WHERE customer_pk = ? AND activity_id > ? AND ${where} ORDER BY activity_id LIMIT ?`;

/** The page statement for a pair of sides (defined once per shape; sql() keeps them). */
function pageStatement(sides: Sides) {
  const parts = [
    ...(sides.ledger === null ? [] : [`SELECT * FROM (${ledgerPage(sides.ledger)}) l`]),
    ...(sides.recorded === null ? [] : [`SELECT * FROM (${recordedPage(sides.recorded)}) r`]),
  ];
  return parts.length === 0 ? null : sql(`${parts.join(' UNION ALL ')} ORDER BY activity_id LIMIT ?`);
}

function countStatement(sides: Sides) {
  const ledger = sides.ledger === null ? '0' : `(SELECT count(*) FROM ledger_entries WHERE ${OF_CUSTOMER} AND ${sides.ledger})`;
  const recorded = sides.recorded === null ? '0' : `(SELECT count(*) FROM activities WHERE customer_pk = ? AND ${sides.recorded})`;
  return sql(`SELECT ${ledger} + ${recorded} AS count`);
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** activityDay "Sunday", activityDate "October 20, 2024", activityTime "19:27:33" (UTC). */
function when(iso: string): Pick<Activity, 'activityDay' | 'activityDate' | 'activityTime'> {
  const d = new Date(iso);
  return {
    activityDay: DAYS[d.getUTCDay()]!,
    activityDate: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    activityTime: iso.slice(11, 19),
  };
}

function toActivity(scope: Scope, customer: CustomerRow, row: ActivityRow): Activity {
  const { program } = scope.account;
  const details = row.details === null ? {} : (JSON.parse(row.details) as Record<string, unknown>);
  const attributes = JSON.parse(customer.attributes) as Record<string, unknown>;
  const tier = program.tiers.tiers.find((t) => t.id === details.tierId);
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    activityId: Number(row.activity_id),
    activityType: row.activity_type as Activity['activityType'],
    ...when(row.created_at),
    customerId: customer.customer_id,
    email: customer.email,
    phoneNumber: customer.mobile,
    displayName: typeof attributes.displayName === 'string' ? attributes.displayName : null,
    transactionId: row.transaction_id ?? (typeof details.transactionId === 'string' ? details.transactionId : null),
    isManualActivity: row.kind !== null && kindFacts(row.kind)?.byHand === true,
    points: num(row.points ?? details.points),
    score: num(row.score ?? details.score),
    reason: row.reason,
    paymentRewardAmount: row.activity_type === 'PaymentReward' && row.amount !== null ? toNumber(parseDecimal(row.amount)) : null,
    currency: program.currency,
    campaignName: row.achievement_name ?? (typeof details.campaignName === 'string' ? details.campaignName : null),
    tierName: tier ? textIn(tier.name, program.defaultLanguage, program.defaultLanguage) : null,
    isGuest: Number(customer.is_guest) === 1,
  };
}

export interface ActivityQuery {
  startAfter?: number;
  limit?: number;
  activityType?: Activity['activityType'];
}

/** The parameters of a type condition of sidesOf: the type itself where the condition is `type = ?`. */
const typeParams = (condition: string | null, activityType: string | undefined) => (condition === 'type = ?' ? [activityType] : []);

/** A page of the customer's activities, oldest first, after `startAfter` (an activityId). */
export async function listActivities(scope: Scope, customerId: string, query: ActivityQuery): Promise<Schemas['ActivityPage']> {
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const limit = query.limit ?? 50;
  const after = query.startAfter ?? 0;
  const sides = sidesOf(query.activityType);
  const statement = pageStatement(sides);
  const params = [
    ...(sides.ledger === null ? [] : [customer.account_id, customer.customer_id, customer.id, Math.floor(after / SLOTS), ...typeParams(sides.ledger, query.activityType), limit + 1]),
    ...(sides.recorded === null ? [] : [customer.id, after, ...typeParams(sides.recorded, query.activityType), limit + 1]),
    limit + 1,
  ];
  const rows = statement === null ? [] : await scope.store.all<ActivityRow>(statement, params);
  const activities = rows.slice(0, limit).map((row) => toActivity(scope, customer, row));
  return { activities, count: activities.length, hasMore: rows.length > limit };
}

export async function countActivities(scope: Scope, customerId: string, query: Pick<ActivityQuery, 'activityType'>): Promise<Schemas['ActivityCount']> {
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const sides = sidesOf(query.activityType);
  const params = [
    ...(sides.ledger === null ? [] : [customer.account_id, customer.customer_id, customer.id, ...typeParams(sides.ledger, query.activityType)]),
    ...(sides.recorded === null ? [] : [customer.id, ...typeParams(sides.recorded, query.activityType)]),
  ];
  const row = await scope.store.get<{ count: number }>(countStatement(sides), params);
  return { count: Number(row?.count ?? 0) };
}
