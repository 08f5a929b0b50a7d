import type { Condition } from '../campaigns/campaign-config.js';
import type { MetadataValue } from '../engagement/fired-event.js';

/**
 * LOCAL MATCHER, until the campaigns work offers one to share: whether one event's metadata
 * meets a referral's `eventMetaData` conditions (all of them). A referral is decided by a single
 * event of the friend, so the operators that count over the customer's history
 * (differentValues, repeatedValue) are judged on this event alone (count 1), and `accumulative`
 * is the event's own value against the target.
 */
export function eventMeetsConditions(conditions: readonly Condition[], metadata: Record<string, MetadataValue>): boolean {
  return conditions.every((condition) => meets(condition, metadata[condition.key]));
}

function numberOf(value: MetadataValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

const text = (value: unknown) => String(value).trim().toLowerCase();

function meets(c: Condition, value: MetadataValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  const n = numberOf(value);
  const target = c.value === null ? null : numberOf(c.value);
  switch (c.operator) {
    case 'equals': {
      const wanted = String(c.value ?? '').split(',').map(text);
      return Array.isArray(value) ? value.some((v) => wanted.includes(text(v))) : wanted.includes(text(value));
    }
    case 'numericEquals':
      return n !== null && target !== null && n === target;
    case 'atLeast':
    case 'accumulative':
      return n !== null && target !== null && n >= target;
    case 'between':
      return n !== null && (c.min === null || n >= c.min) && (c.max === null || n <= c.max);
    case 'include':
      return Array.isArray(value) ? value.some((v) => text(v) === text(c.value)) : text(value).includes(text(c.value));
    case 'differentValues':
    case 'repeatedValue':
      return (c.count ?? 1) <= 1;
  }
}
