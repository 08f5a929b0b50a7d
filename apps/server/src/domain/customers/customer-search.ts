import type { components } from '@gameball-open/server-types';
import type { CustomerRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

type ReferenceCustomer = components['schemas']['ReferenceCustomer'];

const MATCHING = sql(
  `SELECT * FROM customers WHERE account_id = ? AND deleted_at IS NULL
   AND (customer_id = ? OR lower(email) = ? OR mobile = ?) ORDER BY id DESC LIMIT ?`,
);
const NEWEST = sql('SELECT * FROM customers WHERE account_id = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT ?');

/**
 * The account's live customers whose customerId, email (without regard to case) or mobile is
 * exactly `text`, or its newest ones without it; newest first, never another account's.
 */
export async function searchCustomers(q: Queryable, accountId: string, text: string | undefined, limit: number): Promise<ReferenceCustomer[]> {
  const rows =
    text === undefined
      ? await q.all<CustomerRow>(NEWEST, [accountId, limit])
      : await q.all<CustomerRow>(MATCHING, [accountId, text, text.trim().toLowerCase(), text.trim(), limit]);
  return rows.map(customerSummary);
}

function customerSummary(row: CustomerRow): ReferenceCustomer {
  return {
    customerId: row.customer_id,
    gameballId: Number(row.id),
    createdAt: row.created_at,
    ...present({ email: row.email, mobile: row.mobile, displayName: displayNameOf(row.attributes) }),
  };
}

/** The fields that have a value: the reference tools leave out what has none, never null. */
function present<T extends Record<string, string | null>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as { [K in keyof T]?: string };
}

/** The profile's displayName, else its first and last name, else null. */
function displayNameOf(attributesJson: string): string | null {
  const attributes = JSON.parse(attributesJson) as { displayName?: unknown; firstName?: unknown; lastName?: unknown };
  if (typeof attributes.displayName === 'string' && attributes.displayName !== '') return attributes.displayName;
  const name = [attributes.firstName, attributes.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return name === '' ? null : name;
}
