import type { components } from '@gameball-open/server-types';
import { burnNamedCoupons } from '../../domain/coupons/burn.js';
import { requireActive } from '../../domain/customers/activation.js';
import { claimTransactionId } from '../../domain/points/claims.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /coupons/burn: uses the customer's coupons once, named by code or by a live lock, all or
 * none, in the customer's unit of work (two burns of a coupon's last use take turns: the second
 * gets 3011). Checked in the spec's order: exactly one of coupons and lockReference (3000),
 * unknown customer (7000), opted out (3009), transactionId used for a burn (9004), future
 * transactionTime (9007), then the coupons (domain/coupons/burn.ts).
 */
export async function burnCoupons(scope: Scope, input: Schemas['CouponBurnRequest']): Promise<Schemas['CouponBurnResult']> {
  if ((input.coupons === undefined) === (input.lockReference === undefined)) {
    throw errors.missingArgument('Send exactly one of coupons and lockReference.');
  }
  return withCustomer(scope, { customerId: input.customerId }, null, async (unit) => {
    requireActive(unit.customer);
    if (input.transactionId !== undefined && !(await claimTransactionId(unit.q, scope.account.id, 'couponBurn', input.transactionId, unit.now))) {
      throw errors.transactionIdUsed(input.transactionId);
    }
    if (input.transactionTime !== undefined) checkTransactionTime(input.transactionTime, scope.clock);
    const owner = { accountId: scope.account.id, customerPk: unit.customer.id };
    const burned = await burnNamedCoupons(unit.q, owner, { lockReference: input.lockReference, codes: input.coupons ?? [] }, unit.now);
    return { success: true, burnedAt: unit.now, burnedCoupons: burned };
  });
}
