import type { components } from '@gameball-open/server-types';
import type { HoldRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

type ReferenceHold = components['schemas']['ReferenceHold'];

const OF_ACCOUNT = sql('SELECT * FROM holds WHERE account_id = ? ORDER BY id DESC LIMIT ?');
const OF_CUSTOMER = sql('SELECT * FROM holds WHERE account_id = ? AND customer_id = ? ORDER BY id DESC LIMIT ?');

/** The account's latest holds (only one customer's when `customerId` is given), newest first, as of `now`. */
export async function latestHolds(q: Queryable, accountId: string, customerId: string | undefined, limit: number, now: string): Promise<ReferenceHold[]> {
  const rows =
    customerId === undefined
      ? await q.all<HoldRow>(OF_ACCOUNT, [accountId, limit])
      : await q.all<HoldRow>(OF_CUSTOMER, [accountId, customerId, limit]);
  return rows.map((row) => holdView(row, now));
}

/** An active hold past its expiry is shown as expired, as every read of a hold counts it. */
function holdView(row: HoldRow, now: string): ReferenceHold {
  const lapsed = row.state === 'active' && row.expires_at <= now;
  return {
    holdReference: row.reference,
    customerId: row.customer_id,
    points: Number(row.points),
    amount: Number(row.amount),
    state: (lapsed ? 'expired' : row.state) as ReferenceHold['state'],
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    ...(row.closed_at === null ? {} : { closedAt: row.closed_at }),
  };
}
