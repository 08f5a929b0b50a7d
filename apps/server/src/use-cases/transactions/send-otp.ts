import type { components } from '@gameball-open/server-types';
import { activeRule } from '../../domain/coupons/redemption-rules.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { pointsForAmount } from '../../domain/program/program.js';
import { issueOtp } from '../../domain/redemption/otp.js';
import { exactlyOne } from '../../domain/shared/exactly-one.js';
import { checkPoints } from '../../domain/shared/limits.js';
import { moneyFromJson } from '../../domain/shared/money.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/** POST /transactions/otp: issues a six-digit code for one redemption or hold of this many points, or of an active redemption rule's cost (the SMS is not sent). */
export async function sendOtp({ store, account, clock }: Scope, input: Schemas['OtpRequest']): Promise<Schemas['SuccessMessage']> {
  if (!account.program.otpRequired) throw errors.featureNotEnabled('This account does not use one-time passwords.');
  const by = exactlyOne({ amount: input.amount, points: input.points, ruleId: input.ruleId });
  const points =
    by === 'ruleId'
      ? activeRule(account.program.redemptionRules, input.ruleId!).pointsToRedeem
      : checkPoints(by === 'points' ? input.points! : pointsForAmount(account.program, moneyFromJson(input.amount!)));
  const customer = await requireCustomer(store, account.id, input.customerId);
  await issueOtp(store, account.id, customer.id, points, clock.now());
  return { success: true, message: 'A one-time password was sent to the customer.' };
}
