import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
import { MAX_SERIAL_ID } from '../shared/limits.js';
import { readingLanguage, renderNotification } from './templates.js';

type Schemas = components['schemas'];

interface NotificationRow {
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

export interface NotificationQuery {
  startAfter?: number;
  limit?: number;
  isRead?: boolean;
  lang?: string;
}

/** A page of the customer's notifications in ascending ID order, rendered in the asked language. */
export async function listNotifications(scope: Scope, customerId: string, query: NotificationQuery): Promise<Schemas['NotificationPage']> {
  const { program } = scope.account;
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const limit = query.limit ?? 50;
  const after = query.startAfter ?? 0;
  // Notification IDs are serial (int4): none comes after the largest, and PostgreSQL refuses a larger parameter.
  let rows: NotificationRow[] = [];
  if (after < MAX_SERIAL_ID) {
    rows =
      query.isRead === undefined
        ? await scope.store.all<NotificationRow>(PAGE, [customer.id, after, limit + 1])
        : await scope.store.all<NotificationRow>(PAGE_BY_READ, [customer.id, query.isRead ? 1 : 0, after, limit + 1]);
  }
  const lang = readingLanguage(program, query.lang);
  const notifications = rows.slice(0, limit).map((row) => ({
    notificationId: String(row.id),
    ...renderNotification(program, row.kind, JSON.parse(row.params) as Record<string, string | number>, lang),
    isRead: Number(row.is_read) === 1,
    createdAt: row.created_at,
    lang,
    icon: row.icon,
  }));
  return { notifications, count: notifications.length, hasMore: rows.length > limit };
}

export async function countNotifications(scope: Scope, customerId: string, query: { isRead?: boolean }): Promise<Schemas['NotificationCount']> {
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const row =
    query.isRead === undefined
      ? await scope.store.get<{ count: number }>(COUNT, [customer.id])
      : await scope.store.get<{ count: number }>(COUNT_BY_READ, [customer.id, query.isRead ? 1 : 0]);
  return { count: Number(row?.count ?? 0) };
}

/** Marks the customer's notifications read; IDs that are unknown or another customer's are ignored. */
export async function markNotificationsRead(scope: Scope, customerId: string, body: Schemas['NotificationReadRequest']): Promise<Schemas['SuccessMessage']> {
  if (body.notificationIds === undefined && body.notificationsIds === undefined) throw errors.missingArgument('notificationIds is required.');
  const ids = [...new Set([...(body.notificationIds ?? []), ...(body.notificationsIds ?? [])])];
  // An ID past the serial range names no notification (and PostgreSQL would refuse it as a parameter).
  const numeric = ids.filter((id) => /^\d{1,10}$/.test(id)).map(Number).filter((id) => id <= MAX_SERIAL_ID);
  const marked = await scope.store.transaction(async (q) => {
    const customer = await requireCustomer(q, scope.account.id, customerId);
    let changed = 0;
    for (const id of numeric) changed += await q.run(MARK_READ, [id, customer.id]);
    return changed;
  });
  return { success: true, message: `${marked} notification(s) marked as read.` };
}
