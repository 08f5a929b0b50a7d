import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { latestOtpOf } from '../../domain/redemption/otp.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/customers/{customerId}/otp: the last code issued to the customer, the reference server's stand-in for the SMS inbox. */
export async function getLatestOtp(context: Scope & ReferenceTools, customerId: string): Promise<components['schemas']['LatestOtp']> {
  const { store, account, clock } = requireTools(context);
  const customer = await requireCustomer(store, account.id, customerId);
  const otp = await latestOtpOf(store, customer.id);
  if (!otp) throw errors.otpNotFound(customerId);
  return {
    customerId,
    otp: otp.code,
    points: Number(otp.points),
    expiresAt: otp.expires_at,
    used: otp.used_at !== null || otp.expires_at <= clock.now().toISOString(),
  };
}
