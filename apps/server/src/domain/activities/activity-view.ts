import type { components } from '@gameball-open/server-types';
import type { CustomerRow } from '../../store/schema.js';
import { kindFacts } from '../points/entry-types.js';
import { textIn, type LocalText } from '../program/local-text.js';
import type { Program } from '../program/program.js';
import { parseDecimal, toNumber } from '../shared/decimal.js';
import type { ActivityRow } from './activity-queries.js';

type Activity = components['schemas']['Activity'];

/** What the activities listing reads of the program: its currency and language, and its tiers' names. */
export type ActivityProgram = Program & { tiers: { tiers: ReadonlyArray<{ id: number; name: LocalText }> } };

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

/** An activity as GET /customers/{id}/activities shows it. */
export function toActivity(program: ActivityProgram, customer: CustomerRow, row: ActivityRow): Activity {
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

