import { randomInt } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import { pointsForAmount } from '../program.js';
import type { Store } from '../store/store.js';
import { requireCustomer } from './customers.js';
import { exactlyOne } from './guards.js';
import { moneyFromJson } from './money.js';
import { checkPoints } from './points-limit.js';

type Schemas = components['schemas'];

export const OTP_MINUTES = 5;

/** Issues a six-digit code for one redemption or hold of this many points (the SMS is not sent). */
export async function sendOtp(store: Store, account: Account, clock: Clock, input: Schemas['OtpRequest']): Promise<Schemas['SuccessMessage']> {
  if (!account.program.otpRequired) throw errors.featureNotEnabled('This account does not use one-time passwords.');
  const by = exactlyOne({ amount: input.amount, points: input.points, ruleId: input.ruleId });
  if (by === 'ruleId') throw errors.invalidValue(`Redemption rule '${input.ruleId}' does not exist.`);
  const points = checkPoints(by === 'points' ? input.points! : pointsForAmount(account.program, moneyFromJson(input.amount!)));
  const customer = await requireCustomer(store.db, store, account.id, input.customerId);
  const now = clock.now();
  await store.db
    .insertInto('otps')
    .values({
      account_id: account.id,
      customer_pk: customer.id,
      code: String(randomInt(1_000_000)).padStart(6, '0'),
      points,
      expires_at: new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { success: true, message: 'A one-time password was sent to the customer.' };
}

/** The last code issued to the customer: the reference server's stand-in for the SMS inbox. */
export async function latestOtp(store: Store, account: Account, clock: Clock, customerId: string): Promise<Schemas['LatestOtp']> {
  const customer = await requireCustomer(store.db, store, account.id, customerId);
  const otp = await store.db
    .selectFrom('otps')
    .selectAll()
    .where('customer_pk', '=', customer.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!otp) throw errors.otpNotFound(customerId);
  return {
    customerId,
    otp: otp.code,
    points: Number(otp.points),
    expiresAt: otp.expires_at,
    used: otp.used_at !== null || otp.expires_at <= clock.now().toISOString(),
  };
}
