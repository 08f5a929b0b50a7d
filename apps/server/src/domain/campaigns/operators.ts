import type { MetadataValue } from '../events/fired-event.js';
import { add, compare, parseDecimal, toNumber, type Decimal } from '../shared/decimal.js';
import { decimalFrom } from '../shared/money.js';
import type { Condition, ConditionOperator } from './conditions-config.js';

/**
 * The rule operators of conditions-config.ts. Operators on one event (equals, numericEquals, atLeast, between,
 * include) look at the metadata alone; operators over the customer's history (differentValues,
 * accumulative, repeatedValue) fold each matching event into a small running figure kept with the
 * campaign's progress, so checking them never rereads past events.
 */
const HISTORY_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['differentValues', 'accumulative', 'repeatedValue']);

export function isHistoryCondition(condition: Condition): boolean {
  return HISTORY_OPERATORS.has(condition.operator);
}

/** What a history condition remembers: a total, the distinct values seen, or a count per value. */
export type Tally = number | string[] | Record<string, number>;

/** Most distinct values a repeatedValue tally keeps; a customer's state stays bounded. */
const MAX_TALLY_VALUES = 1000;

type Scalar = string | number | boolean;

/** The scalar values of a metadata value (a list gives its items; null gives none). */
function scalars(value: MetadataValue | undefined): Scalar[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => scalars(item));
  return [value];
}

/**
 * The number operators (numericEquals, atLeast, between, accumulative) read one value: a JSON
 * number or a plain decimal text, compared exactly. A list, padded text, hex or exponent text is
 * not a number, so `[1, 5]`, `" 4 "` and `"0x10"` never reach `atLeast 4`.
 */
function numberAt(metadata: Readonly<Record<string, MetadataValue>>, key: string): Decimal | null {
  return decimalFrom(metadata[key]);
}

/** Whether n compares with a condition's operand as `test` wants; an operand that is no number never holds. */
function holds(n: Decimal | null, operand: string | number | null, test: (order: number) => boolean): boolean {
  const wanted = operand === null ? null : decimalFrom(operand);
  return n !== null && wanted !== null && test(compare(n, wanted));
}

const text = (value: Scalar | number) => String(value).trim().toLowerCase();

/** Most characters of a value a history tally keeps, so a customer's stored progress stays small. */
const MAX_TALLY_TEXT = 200;
const tallyKey = (value: Scalar) => text(value).slice(0, MAX_TALLY_TEXT);

/** Whether an event's metadata meets a condition on the event alone (history conditions: always true here). */
export function meetsCondition(condition: Condition, metadata: Readonly<Record<string, MetadataValue>>): boolean {
  if (isHistoryCondition(condition)) return scalars(metadata[condition.key]).length > 0;
  const values = scalars(metadata[condition.key]);
  if (values.length === 0) return false;
  const n = numberAt(metadata, condition.key);
  switch (condition.operator) {
    case 'equals': {
      const wanted = String(condition.value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
      return values.some((v) => wanted.includes(text(v)));
    }
    case 'numericEquals':
      return holds(n, condition.value, (order) => order === 0);
    case 'atLeast':
      return holds(n, condition.value, (order) => order >= 0);
    case 'between':
      return (condition.min === null || holds(n, condition.min, (order) => order >= 0)) && (condition.max === null || holds(n, condition.max, (order) => order <= 0)) && n !== null;
    case 'include': {
      const wanted = text(condition.value ?? '');
      const raw = metadata[condition.key];
      if (Array.isArray(raw)) return values.some((v) => text(v) === wanted);
      return values.some((v) => text(v).includes(wanted));
    }
    default:
      return false;
  }
}

/** A plain decimal text of a finite number, or null when JavaScript writes it with an exponent. */
function plain(n: number): Decimal | null {
  const written = String(n);
  return /e/i.test(written) ? null : parseDecimal(written);
}

/**
 * a + b without binary drift (10.1 + 10.2 + 9.7 is 30, not 29.999999999999996): summed as the
 * decimals they were written as; numbers JavaScript writes with an exponent add as floats.
 */
function exactSum(a: number, b: number): number {
  const [x, y] = [plain(a), plain(b)];
  return x && y ? toNumber(add(x, y)) : a + b;
}

/** Folds one matching event into a history condition's tally; answers the new tally. */
export function foldTally(condition: Condition, tally: Tally | undefined, metadata: Readonly<Record<string, MetadataValue>>): Tally {
  const values = scalars(metadata[condition.key]);
  switch (condition.operator) {
    case 'accumulative': {
      const sum = typeof tally === 'number' ? tally : 0;
      const n = numberAt(metadata, condition.key);
      return n === null ? sum : exactSum(sum, toNumber(n));
    }
    case 'differentValues': {
      const seen = Array.isArray(tally) ? [...tally] : [];
      const need = targetOf(condition);
      for (const v of values) if (seen.length < need && !seen.includes(tallyKey(v))) seen.push(tallyKey(v));
      return seen;
    }
    case 'repeatedValue': {
      const counts = tally && typeof tally === 'object' && !Array.isArray(tally) ? { ...tally } : {};
      for (const v of values) {
        const key = tallyKey(v);
        if (key in counts || Object.keys(counts).length < MAX_TALLY_VALUES) counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    }
    default:
      return tally ?? 0;
  }
}

/** The figure a history condition needs: the total for accumulative, the count otherwise (at least 1). */
export function targetOf(condition: Condition): number {
  const value = Number(condition.value ?? Number.NaN);
  if (condition.operator === 'accumulative') return Number.isFinite(value) ? value : 0;
  return Math.max(1, condition.count ?? (Number.isFinite(value) ? value : 1));
}

/** How far a history condition's tally is towards its target, from 0 to 1. */
export function tallyRatio(condition: Condition, tally: Tally | undefined): number {
  const target = targetOf(condition);
  let reached = 0;
  if (condition.operator === 'accumulative') reached = typeof tally === 'number' ? tally : 0;
  else if (condition.operator === 'differentValues') reached = Array.isArray(tally) ? tally.length : 0;
  else if (tally && typeof tally === 'object' && !Array.isArray(tally)) reached = Math.max(0, ...Object.values(tally));
  if (target <= 0) return 1;
  return Math.min(1, Math.max(0, reached / target));
}
