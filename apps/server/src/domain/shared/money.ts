import { errors } from '../../errors.js';
import { parseDecimal, readDecimal, toText, type Decimal } from './decimal.js';

/**
 * The exact decimal a JSON number was written as (its shortest round-trip form), so that
 * amounts are stored and computed without binary floating-point drift.
 */
export function toDecimal(value: number, field = 'amount'): string {
  if (!Number.isFinite(value)) throw errors.invalidValue(`${field} must be a finite number.`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = '', exponentText = '0'] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + out;
}

/** A JSON number from a request as an exact decimal. */
export function moneyFromJson(value: number, field = 'amount'): Decimal {
  return parseDecimal(toDecimal(value, field));
}

/** A stored decimal back as a JSON number (exact for every amount a client can send). */
export function fromDecimal(value: string | null): number {
  return value === null ? 0 : Number(value);
}

export function storeMoney(value: Decimal): string {
  return toText(value);
}

/**
 * One number as a client may send it in free-form data (event metadata, condition operands): a
 * finite JSON number, or text written as a plain decimal (`"4"`, `"-2.50"`), as an exact
 * decimal. Anything else is not a number: padded text (`" 4 "`), hex (`"0x10"`), exponent
 * text (`"1e3"`), `"+5"`, lists, flags, null.
 */
export function decimalFrom(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? parseDecimal(toDecimal(value)) : null;
  return typeof value === 'string' ? readDecimal(value) : null;
}
