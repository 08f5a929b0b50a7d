import { sql, type Queryable } from '../../store/sql.js';
import type { ProgramUnit } from '../points/unit.js';
import { achieveDirectly } from './built-in-campaigns.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { progressIn, unitStandings } from './progress-store.js';

/** Customers read per page when looking for the day's birthdays and anniversaries. */
export const CANDIDATE_PAGE = 500;

const CANDIDATES = sql(
  `SELECT id, attributes, created_at FROM customers
   WHERE account_id = ? AND deleted_at IS NULL AND is_active = 1 AND id > ? ORDER BY id LIMIT ${CANDIDATE_PAGE}`,
);

export interface Candidate {
  id: number;
  attributes: string;
  created_at: string;
}

/** A page of the account's live, active customers after gameballId `after`, in id order. */
export function calendarCandidates(q: Queryable, accountId: string, after: number): Promise<Candidate[]> {
  return q.all<Candidate>(CANDIDATES, [accountId, after]);
}

/** The account's Birthday and Anniversary campaigns. */
export function calendarCampaignsOf(program: CampaignProgram): Campaign[] {
  return program.campaigns.filter((c) => c.type === 'Birthday' || c.type === 'Anniversary');
}

/** Month and day (MM-DD) of a date or instant; 02-29 is kept on 02-28 in years without it. */
function monthDay(date: string, year: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const md = `${match[2]}-${match[3]}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && !leap ? '02-28' : md;
}

/**
 * Which calendar campaigns are due for a customer on the UTC day `today`: Birthday on
 * dateOfBirth, Anniversary on joinDate (or sign-up) from a year on. A profile that is not JSON has none.
 */
export function dueCampaigns(campaigns: readonly Campaign[], customer: Candidate, today: string): Campaign[] {
  let attributes: Record<string, unknown>;
  try {
    attributes = JSON.parse(customer.attributes) as Record<string, unknown>;
  } catch {
    return [];
  }
  const year = Number(today.slice(0, 4));
  const md = today.slice(5, 10);
  const birth = typeof attributes.dateOfBirth === 'string' ? attributes.dateOfBirth : null;
  const joined = typeof attributes.joinDate === 'string' ? attributes.joinDate : customer.created_at;
  return campaigns.filter((c) => {
    if (c.type === 'Birthday') return birth !== null && monthDay(birth, year) === md;
    return monthDay(joined, year) === md && Number(joined.slice(0, 4)) < year;
  });
}

/** Achieves the due campaigns unless already achieved this year (a second run, or another process, finds them done). */
export async function celebrate(unit: ProgramUnit<CampaignProgram>, campaigns: readonly Campaign[]): Promise<void> {
  const year = unit.now.slice(0, 4);
  const standing = await unitStandings(unit);
  const fresh = campaigns.filter((c) => progressIn(standing, c.id).lastAchievedAt?.slice(0, 4) !== year);
  await achieveDirectly(unit, fresh);
}
