import type { Account } from '../../accounts.js';
import type { Clock } from '../../clock.js';
import type { Store } from '../../store/store.js';
import { sql } from '../../store/sql.js';
import { withCustomer } from '../points/unit-of-work.js';
import type { Unit } from '../points/unit.js';
import { achieveDirectly } from './built-in-campaigns.js';
import type { Campaign } from './campaign-config.js';
import { loadProgress, progressIn } from './progress-store.js';

const CANDIDATES = sql(
  `SELECT id, attributes, created_at FROM customers
   WHERE account_id = ? AND deleted_at IS NULL AND is_active = 1 AND id > ? ORDER BY id LIMIT 500`,
);

/** Month and day (MM-DD) of a date or instant; 02-29 is kept on 02-28 in years without it. */
function monthDay(date: string, year: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const md = `${match[2]}-${match[3]}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && !leap ? '02-28' : md;
}

/** Which calendar campaigns are due for a customer today: Birthday on dateOfBirth, Anniversary on joinDate (or sign-up) from a year on. */
function dueCampaigns(campaigns: readonly Campaign[], attributes: Record<string, unknown>, createdAt: string, today: string): Campaign[] {
  const year = Number(today.slice(0, 4));
  const md = today.slice(5, 10);
  const birth = typeof attributes.dateOfBirth === 'string' ? attributes.dateOfBirth : null;
  const joined = typeof attributes.joinDate === 'string' ? attributes.joinDate : createdAt;
  return campaigns.filter((c) => {
    if (c.type === 'Birthday') return birth !== null && monthDay(birth, year) === md;
    return monthDay(joined, year) === md && Number(joined.slice(0, 4)) < year;
  });
}

/** Achieves the due campaigns unless already achieved this year (a second sweep, or another process, finds them done). */
async function celebrate(unit: Unit, campaigns: Campaign[]): Promise<void> {
  const year = unit.now.slice(0, 4);
  const standing = await loadProgress(unit.q, unit.customer.id);
  const fresh = campaigns.filter((c) => progressIn(standing, c.id).lastAchievedAt?.slice(0, 4) !== year);
  await achieveDirectly(unit, fresh);
}

/** Told of each customer whose calendar campaigns failed (the sweeper logs it); the pass goes on. */
export type CalendarFailure = (error: unknown, customerPk: number) => void;

/**
 * Birthday and Anniversary campaigns for one account and UTC day: reads the account's customers
 * in pages (cost grows with customers, once a day, not with anyone's history) and achieves each
 * due campaign in the customer's own unit of work, at most once per customer and year. A customer
 * whose unit fails (say the reward would pass the balance limit) is reported and skipped, so the
 * others still get theirs and the day's pass still ends.
 */
export async function awardCalendarCampaigns(store: Store, account: Account, clock: Clock, onFailure: CalendarFailure): Promise<number> {
  const campaigns = account.program.campaigns.filter((c) => c.type === 'Birthday' || c.type === 'Anniversary');
  if (campaigns.length === 0) return 0;
  const today = clock.now().toISOString().slice(0, 10);
  let after = 0;
  let awarded = 0;
  for (;;) {
    const rows = await store.all<{ id: number; attributes: string; created_at: string }>(CANDIDATES, [account.id, after]);
    for (const row of rows) {
      after = Number(row.id);
      let attributes: Record<string, unknown> = {};
      try {
        attributes = JSON.parse(row.attributes) as Record<string, unknown>;
      } catch {
        continue;
      }
      const due = dueCampaigns(campaigns, attributes, row.created_at, today);
      if (due.length === 0) continue;
      try {
        await withCustomer({ store, account, clock }, { customerPk: Number(row.id) }, null, (unit) => celebrate(unit, due));
        awarded += 1;
      } catch (error) {
        onFailure(error, Number(row.id));
      }
    }
    if (rows.length < 500) return awarded;
  }
}
