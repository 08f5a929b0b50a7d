import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import { sql, type Queryable } from '../../store/sql.js';
import type { StoredAttributes } from './attributes.js';
import { lockCustomer } from './customer-store.js';
import { checkProfile } from './profile-limits.js';

type SuccessMessage = components['schemas']['SuccessMessage'];

const SET_ATTRIBUTES = sql('UPDATE customers SET attributes = ?, updated_at = ? WHERE id = ?');

/** Tags as sent: one comma-separated string or a list; trimmed, empty ones dropped, each once (3003 when none is left). */
export function tagList(tags: string | readonly string[]): string[] {
  const list = typeof tags === 'string' ? tags.split(',') : tags;
  const wanted = [...new Set(list.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
  if (wanted.length === 0) throw errors.invalidValue('tags must name at least one tag.');
  return wanted;
}

/**
 * Adds tags to a customer's profile (`customerAttributes.tags`) or removes them, in the caller's
 * transaction. Adding a tag the customer has, or removing one they lack, changes nothing; a
 * request that changes nothing writes nothing. Tags compare exactly (case-sensitive), as they are
 * stored. Adding past the limits of a profile (tags, their length, the whole profile) is refused (422/3011).
 */
export async function changeTags(
  tx: Queryable,
  accountId: string,
  customerId: string,
  wanted: readonly string[],
  change: 'add' | 'remove',
  now: string,
): Promise<SuccessMessage> {
  const row = await lockCustomer(tx, accountId, customerId);
  if (!row) throw errors.customerNotFound(customerId);
  const attributes = JSON.parse(row.attributes) as StoredAttributes;
  const current = Array.isArray(attributes.tags) ? (attributes.tags as string[]) : [];
  const next = change === 'add' ? [...current, ...wanted.filter((tag) => !current.includes(tag))] : current.filter((tag) => !wanted.includes(tag));
  const changed = next.length !== current.length;
  if (changed && change === 'add') checkProfile({ ...attributes, tags: next });
  if (changed) await tx.run(SET_ATTRIBUTES, [JSON.stringify({ ...attributes, tags: next }), now, row.id]);
  const what = change === 'add' ? 'added to' : 'removed from';
  return {
    success: true,
    message: changed ? `Tags ${what} customer '${customerId}'.` : `Nothing to change: the tags were already ${change === 'add' ? 'there' : 'absent'}.`,
  };
}
