import { listOf, objectOf, oneOf, textOf } from '../program/config-readers.js';
import { decimalFrom } from '../shared/money.js';

/**
 * The rule operators of a metadata condition (the spec's ReferralCondition lists the same):
 * - equals: text equality, case-insensitive; a comma list in `value` means any of them;
 * - numericEquals, atLeast, between (`min`..`max`): on one number (a JSON number or plain decimal text);
 * - include: the metadata value (a list or a text) contains `value`;
 * - differentValues: `count` different values of the key over the customer's events;
 * - accumulative: the key's values add up to at least `value` over the customer's events;
 * - repeatedValue: the same value seen `count` times over the customer's events.
 */
export const OPERATORS = ['equals', 'numericEquals', 'atLeast', 'between', 'include', 'differentValues', 'accumulative', 'repeatedValue'] as const;
export type ConditionOperator = (typeof OPERATORS)[number];

export interface Condition {
  key: string;
  operator: ConditionOperator;
  value: string | number | null;
  min: number | null;
  max: number | null;
  count: number | null;
}

function parseCondition(raw: unknown, where: string): Condition {
  const c = objectOf(raw, where);
  const number = (key: string) => (c[key] === undefined || c[key] === null ? null : integerOrNumber(c[key], `${where}.${key}`));
  const value = c.value ?? null;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new Error(`${where}.value must be a string or a number.`);
  const condition: Condition = {
    key: textOf(c.key, `${where}.key`),
    operator: oneOf(c.operator, `${where}.operator`, OPERATORS),
    value,
    min: number('min'),
    max: number('max'),
    count: number('count'),
  };
  checkOperands(condition, where);
  return condition;
}

/** Each operator's operands are present and of the right kind, so a campaign cannot silently never match. */
function checkOperands(c: Condition, where: string): void {
  const numeric = c.value !== null && decimalFrom(c.value) !== null;
  switch (c.operator) {
    case 'equals':
    case 'include':
      if (c.value === null || String(c.value).trim() === '') throw new Error(`${where}.value is needed for ${c.operator}.`);
      return;
    case 'numericEquals':
    case 'atLeast':
    case 'accumulative':
      if (!numeric) throw new Error(`${where}.value must be a number for ${c.operator}.`);
      return;
    case 'between':
      if (c.min === null && c.max === null) throw new Error(`${where} needs min, max or both for between.`);
      if (c.min !== null && c.max !== null && c.min > c.max) throw new Error(`${where}.min must not be above max.`);
      return;
    case 'differentValues':
    case 'repeatedValue':
      if (c.count === null && !numeric) throw new Error(`${where}.count is needed for ${c.operator}.`);
      if ((c.count ?? Number(c.value)) < 1) throw new Error(`${where}.count must be 1 or more.`);
      return;
  }
}

function integerOrNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number.`);
  return value;
}

/** Reads a list of metadata conditions (all must hold). */
export function parseConditions(raw: unknown, where: string): Condition[] {
  return listOf(raw, where).map((c, i) => parseCondition(c, `${where}[${i}]`));
}
