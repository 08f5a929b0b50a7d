/**
 * Exact decimal arithmetic for money: a value is a bigint count of units of 10^-scale.
 * Nothing here goes through binary floating point, so 0.1 + 0.2 is 0.3 and 33.335 stays 33.335.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const TEN = 10n;

/** Parses a plain decimal string such as `-12.345` (no exponent). */
export function parseDecimal(text: string): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not a decimal number`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Text written as a plain decimal: an optional minus, digits, an optional fraction; at most 40 digits each side. */
const PLAIN_DECIMAL = /^-?\d{1,40}(?:\.\d{1,40})?$/;

/** Strictly a plain decimal text (`4`, `-2.50`), or null: no spaces, `+`, exponent, hex or empty parts. */
export function readDecimal(text: string): Decimal | null {
  return PLAIN_DECIMAL.test(text) ? parseDecimal(text) : null;
}

export function fromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * TEN ** BigInt(scale - value.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale) - rescale(b, scale);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

/** a / b as a fraction of two bigints with a positive denominator. */
function ratio(a: Decimal, b: Decimal): [bigint, bigint] {
  if (b.units === 0n) throw new RangeError('division by zero');
  let numerator = a.units * TEN ** BigInt(b.scale);
  let denominator = b.units * TEN ** BigInt(a.scale);
  if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
  return [numerator, denominator];
}

/** The largest integer not above a / b. */
export function divideFloor(a: Decimal, b: Decimal): bigint {
  const [numerator, denominator] = ratio(a, b);
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n ? quotient - 1n : quotient;
}

/** The smallest integer not below a / b. */
export function divideCeil(a: Decimal, b: Decimal): bigint {
  const [numerator, denominator] = ratio(a, b);
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator > 0n ? quotient + 1n : quotient;
}

/** The shortest plain text of the value: no exponent, no trailing zeros after the point. */
export function toText(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The value as a JSON number: exact for the amounts this API carries (up to 15 significant digits). */
export function toNumber(value: Decimal): number {
  return Number(toText(value));
}

/** a / b rounded half away from zero to `places` decimals (for reporting ratios). */
export function divideRounded(a: Decimal, b: Decimal, places: number): Decimal {
  const scaled = multiply(a, { units: TEN ** BigInt(places), scale: 0 });
  const doubled = divideFloor(multiply(scaled, fromInteger(2)), b);
  const units = doubled >= 0n ? (doubled + 1n) / 2n : -((-doubled + 1n) / 2n);
  return { units, scale: places };
}
