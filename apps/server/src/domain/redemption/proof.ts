import { errors } from '../../errors.js';
import type { CustomerRow, OtpRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import type { Program } from '../program/program.js';

/** What a redemption or hold may carry to prove the customer asked for it. */
export interface Proof {
  hash?: string | undefined;
  otp?: string | undefined;
  ignoreOTP?: boolean | undefined;
}

const UNUSED_OTP = sql('SELECT * FROM otps WHERE customer_pk = ? AND code = ? AND used_at IS NULL ORDER BY id DESC LIMIT 1');
const USE_OTP = sql('UPDATE otps SET used_at = ? WHERE id = ?');

/** A sent hash must be the customer's current one; the account may require it. */
export function checkHash(program: Program, customer: CustomerRow, proof: Proof): void {
  if (proof.hash === undefined) {
    if (program.hashRequired) throw errors.missingArgument("This account requires the customer's hash.");
    return;
  }
  if (proof.hash !== customer.hash) throw errors.invalidValue("The hash does not match the customer's current hash.");
}

/**
 * Where the account uses OTP (and the request does not set ignoreOTP), the request must carry
 * an unused, unexpired code sent for this customer and this many points; it is used up here.
 */
export async function useOtp(q: Queryable, program: Program, customer: CustomerRow, proof: Proof, points: number, now: string): Promise<void> {
  if (!program.otpRequired || proof.ignoreOTP === true) return;
  if (proof.otp === undefined) throw errors.missingArgument('This account requires an OTP; send one with sendOtp first.');
  const otp = await q.get<OtpRow>(UNUSED_OTP, [customer.id, proof.otp]);
  if (!otp || otp.expires_at <= now) throw errors.invalidValue('The OTP is wrong, used or expired.');
  if (Number(otp.points) !== points) throw errors.invalidValue(`The OTP was sent for ${otp.points} points, not ${points}.`);
  await q.run(USE_OTP, [now, otp.id]);
}
