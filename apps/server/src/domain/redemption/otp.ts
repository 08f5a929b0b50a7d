import { randomInt } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { OtpRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
import { pointsForAmount } from '../program/program.js';
import { exactlyOne } from '../shared/exactly-one.js';
import { checkPoints } from '../shared/limits.js';
import { moneyFromJson } from '../shared/money.js';

type Schemas = components['schemas'];

export const OTP_MINUTES = 5;

const INSERT = sql('INSERT INTO otps (account_id, customer_pk, code, points, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)');
const LATEST = sql('SELECT * FROM otps WHERE customer_pk = ? ORDER BY id DESC LIMIT 1');

/** Issues a six-digit code for one redemption or hold of this many points (the SMS is not sent). */
export async function sendOtp({ store, account, clock }: Scope, input: Schemas['OtpRequest']): Promise<Schemas['SuccessMessage']> {
  if (!account.program.otpRequired) throw errors.featureNotEnabled('This account does not use one-time passwords.');
  const by = exactlyOne({ amount: input.amount, points: input.points, ruleId: input.ruleId });
  if (by === 'ruleId') throw errors.invalidValue(`Redemption rule '${input.ruleId}' does not exist.`);
  const points = checkPoints(by === 'points' ? input.points! : pointsForAmount(account.program, moneyFromJson(input.amount!)));
  const customer = await requireCustomer(store, account.id, input.customerId);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString();
  await store.run(INSERT, [account.id, customer.id, String(randomInt(1_000_000)).padStart(6, '0'), points, expiresAt, now.toISOString()]);
  return { success: true, message: 'A one-time password was sent to the customer.' };
}

/** The last code issued to the customer: the reference server's stand-in for the SMS inbox. */
export async function latestOtp({ store, account, clock }: Scope, customerId: string): Promise<Schemas['LatestOtp']> {
  const customer = await requireCustomer(store, account.id, customerId);
  const otp = await store.get<OtpRow>(LATEST, [customer.id]);
  if (!otp) throw errors.otpNotFound(customerId);
  return {
    customerId,
    otp: otp.code,
    points: Number(otp.points),
    expiresAt: otp.expires_at,
    used: otp.used_at !== null || otp.expires_at <= clock.now().toISOString(),
  };
}
