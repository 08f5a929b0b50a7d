import type { components } from '@gameball-open/server-types';
import type { CustomerRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { entryTypesWhere, sqlList } from '../points/entry-types.js';
import { RECORDED_ACTIVITY_TYPES, SLOTS } from './record-activity.js';

type Activity = components['schemas']['Activity'];

/** An activity as read: a ledger entry's columns or a recorded activity's details. */
export interface ActivityRow {
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
const RECORDED_TYPES = new Set<string>(RECORDED_ACTIVITY_TYPES);

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

export interface ActivityQuery {
  startAfter?: number;
  limit?: number;
  activityType?: Activity['activityType'];
}

/** The parameters of a type condition of sidesOf: the type itself where the condition is `type = ?`. */
const typeParams = (condition: string | null, activityType: string | undefined) => (condition === 'type = ?' ? [activityType] : []);

/** Up to `limit` + 1 of the customer's activities, oldest first, after `startAfter` (an activityId). */
export async function activityRows(q: Queryable, customer: CustomerRow, query: ActivityQuery): Promise<ActivityRow[]> {
  const limit = query.limit ?? 50;
  const after = query.startAfter ?? 0;
  const sides = sidesOf(query.activityType);
  const statement = pageStatement(sides);
  const params = [
    ...(sides.ledger === null ? [] : [customer.account_id, customer.customer_id, customer.id, Math.floor(after / SLOTS), ...typeParams(sides.ledger, query.activityType), limit + 1]),
    ...(sides.recorded === null ? [] : [customer.id, after, ...typeParams(sides.recorded, query.activityType), limit + 1]),
    limit + 1,
  ];
  return statement === null ? [] : q.all<ActivityRow>(statement, params);
}

/** How many activities the customer has (of one type, when asked). */
export async function activityCount(q: Queryable, customer: CustomerRow, query: Pick<ActivityQuery, 'activityType'>): Promise<number> {
  const sides = sidesOf(query.activityType);
  const params = [
    ...(sides.ledger === null ? [] : [customer.account_id, customer.customer_id, customer.id, ...typeParams(sides.ledger, query.activityType)]),
    ...(sides.recorded === null ? [] : [customer.id, ...typeParams(sides.recorded, query.activityType)]),
  ];
  const row = await q.get<{ count: number }>(countStatement(sides), params);
  return Number(row?.count ?? 0);
}
