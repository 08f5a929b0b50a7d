import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
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

/**
 * The customer's activities: ledger entries of the types below (an AchievementReward of a
 * campaign is CampaignRewarded) and the activities recorded by the engine (tier changes,
 * referrals), one numbering for both (see record-activity.ts).
 */
const ACTIVITIES = `
  SELECT CAST(id AS bigint) * ${SLOTS} AS activity_id,
         CASE WHEN type = 'AchievementReward' THEN 'CampaignRewarded' ELSE type END AS activity_type,
         transaction_id, CAST(points AS bigint) AS points, CAST(score AS bigint) AS score, reason, amount, achievement_name, kind,
         CAST(NULL AS text) AS details, created_at
    FROM ledger_entries
   WHERE customer_pk = ? AND (type IN ('PaymentReward', 'Refund', 'Redemption', 'Cancel', 'Expiry', 'Migration')
         OR (type = 'AchievementReward' AND achieved_reward_campaign_id IS NOT NULL))
  UNION ALL
  SELECT activity_id, type, CAST(NULL AS text), CAST(NULL AS bigint), CAST(NULL AS bigint), CAST(NULL AS text), CAST(NULL AS text),
         CAST(NULL AS text), CAST(NULL AS text), details, created_at
    FROM activities WHERE customer_pk = ?`;

const PAGE = sql(`SELECT * FROM (${ACTIVITIES}) a WHERE activity_id > ? ORDER BY activity_id LIMIT ?`);
const PAGE_OF_TYPE = sql(`SELECT * FROM (${ACTIVITIES}) a WHERE activity_type = ? AND activity_id > ? ORDER BY activity_id LIMIT ?`);
const COUNT = sql(`SELECT count(*) AS count FROM (${ACTIVITIES}) a`);
const COUNT_OF_TYPE = sql(`SELECT count(*) AS count FROM (${ACTIVITIES}) a WHERE activity_type = ?`);

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
    isManualActivity: row.kind === 'manual',
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

/** A page of the customer's activities, oldest first, after `startAfter` (an activityId). */
export async function listActivities(scope: Scope, customerId: string, query: ActivityQuery): Promise<Schemas['ActivityPage']> {
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const limit = query.limit ?? 50;
  const after = query.startAfter ?? 0;
  const pk = customer.id;
  const rows =
    query.activityType === undefined
      ? await scope.store.all<ActivityRow>(PAGE, [pk, pk, after, limit + 1])
      : await scope.store.all<ActivityRow>(PAGE_OF_TYPE, [pk, pk, query.activityType, after, limit + 1]);
  const activities = rows.slice(0, limit).map((row) => toActivity(scope, customer, row));
  return { activities, count: activities.length, hasMore: rows.length > limit };
}

export async function countActivities(scope: Scope, customerId: string, query: Pick<ActivityQuery, 'activityType'>): Promise<Schemas['ActivityCount']> {
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const pk = customer.id;
  const row =
    query.activityType === undefined
      ? await scope.store.get<{ count: number }>(COUNT, [pk, pk])
      : await scope.store.get<{ count: number }>(COUNT_OF_TYPE, [pk, pk, query.activityType]);
  return { count: Number(row?.count ?? 0) };
}
