import { listOf, objectOf, oneOf, textOf } from '../program/config-readers.js';

/**
 * The rule operators of a metadata condition (behaviour §7.1):
 * - equals: text equality, case-insensitive; a comma list in `value` means any of them;
 * - numericEquals, atLeast, between (`min`..`max`): on a number;
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
  return {
    key: textOf(c.key, `${where}.key`),
    operator: oneOf(c.operator, `${where}.operator`, OPERATORS),
    value,
    min: number('min'),
    max: number('max'),
    count: number('count'),
  };
}

function integerOrNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number.`);
  return value;
}

/** Reads a list of metadata conditions (all must hold). */
export function parseConditions(raw: unknown, where: string): Condition[] {
  return listOf(raw, where).map((c, i) => parseCondition(c, `${where}[${i}]`));
}
