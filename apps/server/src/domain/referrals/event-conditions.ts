import type { Condition } from '../campaigns/campaign-config.js';
import { isHistoryCondition, meetsCondition } from '../campaigns/operators.js';
import type { MetadataValue } from '../events/fired-event.js';

/**
 * Whether one event's metadata meets a referral's `eventMetaData` conditions (all of them), by
 * the campaigns' operators. A referral is decided by a single event of the friend, so the
 * operators that count over a history are judged on this event alone: `accumulative` is the
 * event's own value against the target, `differentValues` and `repeatedValue` hold for a count of 1.
 */
export function eventMeetsConditions(conditions: readonly Condition[], metadata: Record<string, MetadataValue>): boolean {
  return conditions.every((condition) => {
    if (!isHistoryCondition(condition)) return meetsCondition(condition, metadata);
    if (condition.operator === 'accumulative') return meetsCondition({ ...condition, operator: 'atLeast' }, metadata);
    return meetsCondition(condition, metadata) && (condition.count ?? 1) <= 1;
  });
}
