import { parseDecimal, type Decimal } from '../shared/decimal.js';

/** Small readers for the accounts file: each throws an error naming the field. */
export type Raw = Record<string, unknown>;

export function objectOf(value: unknown, where: string): Raw {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be an object.`);
  return value as Raw;
}

export function listOf(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${where} must be a list.`);
  return value;
}

export function decimalOf(value: unknown, where: string, positive: boolean): Decimal {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new Error(`${where} must be a ${positive ? 'positive' : 'non-negative'} number.`);
  }
  return parseDecimal(String(value));
}

export function integerOf(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function booleanOf(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${where} must be true or false.`);
  return value;
}

export function textOf(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${where} must be a non-empty string.`);
  return value;
}

export function oneOf<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${where} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function instantOf(value: unknown, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new Error(`${where} must be an ISO 8601 date.`);
  return new Date(value).toISOString();
}
