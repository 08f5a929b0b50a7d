import { errors } from '../../errors.js';

/** Gameball counts 0, null and '' as "not sent" for its exactly-one-of fields. */
export function sent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== 0 && value !== '';
}

/** Exactly one of the fields must be sent: none is 400/3000, several 422/3003. */
export function exactlyOne(fields: Record<string, unknown>): string {
  const given = Object.keys(fields).filter((name) => sent(fields[name]));
  const names = Object.keys(fields).join(', ');
  if (given.length === 0) throw errors.missingArgument(`Send one of ${names}.`);
  if (given.length > 1) throw errors.invalidValue(`Send only one of ${names}; got ${given.join(' and ')}.`);
  return given[0]!;
}
