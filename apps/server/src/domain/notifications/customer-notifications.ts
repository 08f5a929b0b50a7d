import { sql, type Queryable } from '../../store/sql.js';
import { MAX_SERIAL_ID } from '../shared/limits.js';

export interface NotificationRow {
  id: number;
  kind: string;
  params: string;
  icon: string | null;
  is_read: number;
  created_at: string;
}

const COLUMNS = 'id, kind, params, icon, is_read, created_at';
const PAGE = sql(`SELECT ${COLUMNS} FROM notifications WHERE customer_pk = ? AND id > ? ORDER BY id LIMIT ?`);
const PAGE_BY_READ = sql(`SELECT ${COLUMNS} FROM notifications WHERE customer_pk = ? AND is_read = ? AND id > ? ORDER BY id LIMIT ?`);
const COUNT = sql('SELECT count(*) AS count FROM notifications WHERE customer_pk = ?');
const COUNT_BY_READ = sql('SELECT count(*) AS count FROM notifications WHERE customer_pk = ? AND is_read = ?');
const MARK_READ = sql('UPDATE notifications SET is_read = 1 WHERE id = ? AND customer_pk = ? AND is_read = 0');

/** Up to `limit` + 1 of the customer's notifications after `after`, in ascending ID order (read or not, when asked). */
export async function notificationRows(q: Queryable, customerPk: number, after: number, limit: number, isRead: boolean | undefined): Promise<NotificationRow[]> {
  // Notification IDs are serial (int4): none comes after the largest, and PostgreSQL refuses a larger parameter.
  if (after >= MAX_SERIAL_ID) return [];
  return isRead === undefined
    ? q.all<NotificationRow>(PAGE, [customerPk, after, limit + 1])
    : q.all<NotificationRow>(PAGE_BY_READ, [customerPk, isRead ? 1 : 0, after, limit + 1]);
}

/** How many notifications the customer has (read or not, when asked). */
export async function notificationCount(q: Queryable, customerPk: number, isRead: boolean | undefined): Promise<number> {
  const row =
    isRead === undefined
      ? await q.get<{ count: number }>(COUNT, [customerPk])
      : await q.get<{ count: number }>(COUNT_BY_READ, [customerPk, isRead ? 1 : 0]);
  return Number(row?.count ?? 0);
}

/**
 * The notification IDs of a request that can name one: numeric, within the serial range (an ID
 * past it names no notification, and PostgreSQL would refuse it as a parameter), each once.
 */
export function notificationIds(ids: readonly string[]): number[] {
  return [...new Set(ids)].filter((id) => /^\d{1,10}$/.test(id)).map(Number).filter((id) => id <= MAX_SERIAL_ID);
}

/** Marks the customer's notifications read; IDs that are unknown or another customer's change nothing. Answers how many changed. */
export async function markRead(q: Queryable, customerPk: number, ids: readonly number[]): Promise<number> {
  let changed = 0;
  for (const id of ids) changed += await q.run(MARK_READ, [id, customerPk]);
  return changed;
}
