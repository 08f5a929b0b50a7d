import type { Account } from '../accounts.js';
import { errors } from '../errors.js';
import type { Tx } from '../store/store.js';
import { newHash, type CustomerRow } from './customers.js';

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

export interface Proof {
  hash?: string | undefined;
  otp?: string | undefined;
  ignoreOTP?: boolean | undefined;
}

/** A sent hash must be the customer's current one; the account may require it. */
export function checkHash(account: Account, customer: CustomerRow, proof: Proof): void {
  if (proof.hash === undefined) {
    if (account.program.hashRequired) throw errors.missingArgument('This account requires the customer\'s hash.');
    return;
  }
  if (proof.hash !== customer.hash) throw errors.invalidValue('The hash does not match the customer\'s current hash.');
}

/**
 * Where the account uses OTP (and the request does not set ignoreOTP), the request must carry
 * an unused, unexpired code sent for this customer and this many points; it is used up here.
 */
export async function useOtp(
  tx: Tx,
  account: Account,
  customer: CustomerRow,
  proof: Proof,
  points: number,
  now: string,
): Promise<void> {
  if (!account.program.otpRequired || proof.ignoreOTP === true) return;
  if (proof.otp === undefined) throw errors.missingArgument('This account requires an OTP; send one with sendOtp first.');
  const otp = await tx
    .selectFrom('otps')
    .selectAll()
    .where('customer_pk', '=', customer.id)
    .where('code', '=', proof.otp)
    .where('used_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!otp || otp.expires_at <= now) throw errors.invalidValue('The OTP is wrong, used or expired.');
  if (Number(otp.points) !== points) {
    throw errors.invalidValue(`The OTP was sent for ${otp.points} points, not ${points}.`);
  }
  await tx.updateTable('otps').set({ used_at: now }).where('id', '=', otp.id).execute();
}

/** The hash changes after each redemption or hold, so a captured one cannot be replayed. */
export async function rotateHash(tx: Tx, customer: CustomerRow): Promise<void> {
  await tx.updateTable('customers').set({ hash: newHash() }).where('id', '=', customer.id).execute();
}
