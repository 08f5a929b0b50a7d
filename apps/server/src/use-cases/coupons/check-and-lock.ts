import type { components } from '@gameball-open/server-types';
import { checkCodes, type Verdict } from '../../domain/coupons/check-codes.js';
import { DEFAULT_LOCK_MINUTES, lockCoupons, requireLiveLock, type HeldLock } from '../../domain/coupons/coupon-locks.js';
import type { Cart } from '../../domain/coupons/usability.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { moneyFromJson } from '../../domain/shared/money.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Request = components['schemas']['CouponValidationRequest'];

export interface Checked {
  verdicts: Verdict[];
  /** The lock holding the coupons, when the request locked and every code was valid. */
  lock: HeldLock | undefined;
}

/** A request locks when `lock` is true, or a lockReference or lockDuration is sent without `lock: false`. */
export function locks(request: Request): boolean {
  return request.lock ?? (request.lockReference !== undefined || request.lockDuration !== undefined);
}

function cartOf(request: Request): Cart {
  return {
    totalPurchaseAmount: request.totalPurchaseAmount === undefined ? undefined : moneyFromJson(request.totalPurchaseAmount, 'totalPurchaseAmount'),
    merchantId: request.merchantId,
    collections: [...(request.collectionId === undefined ? [] : [request.collectionId]), ...(request.collectionsIds ?? [])],
  };
}

/**
 * What validateCoupon and validateCoupons share: the codes checked for the customer (404/7000
 * when unknown; never created) and the cart, and the request's lockReference checked (404/4004
 * unless a live lock of this customer). A request that does not lock reads a snapshot and
 * writes nothing. One that locks runs in the customer's unit of work, so that two sessions
 * locking one coupon take turns: when every code is valid they go under the lock (`exactly`:
 * the lock holds these codes only), otherwise nothing is written.
 */
export async function checkAndLock(scope: Scope, request: Request, codes: readonly string[], exactly: boolean): Promise<Checked> {
  const { account } = scope;
  const cart = cartOf(request);
  if (!locks(request)) {
    const now = scope.clock.now().toISOString();
    return scope.store.snapshot(async (q) => {
      const customer = await requireCustomer(q, account.id, request.customerId);
      const owner = { accountId: account.id, customerPk: customer.id };
      if (request.lockReference !== undefined) await requireLiveLock(q, owner, request.lockReference, now);
      const verdicts = await checkCodes(q, owner, codes, { now, customerActive: customer.is_active !== 0, cart, locking: undefined });
      return { verdicts, lock: undefined };
    });
  }
  return withCustomer(scope, { customerId: request.customerId }, null, async (unit) => {
    const owner = { accountId: account.id, customerPk: unit.customer.id };
    const existing = request.lockReference === undefined ? undefined : await requireLiveLock(unit.q, owner, request.lockReference, unit.now);
    const check = { now: unit.now, customerActive: unit.customer.is_active !== 0, cart, locking: existing?.id ?? null };
    const verdicts = await checkCodes(unit.q, owner, codes, check);
    if (verdicts.some((verdict) => verdict.reason !== undefined)) return { verdicts, lock: undefined };
    const ids = verdicts.map((verdict) => Number(verdict.coupon!.id));
    const minutes = request.lockDuration ?? DEFAULT_LOCK_MINUTES;
    return { verdicts, lock: await lockCoupons(unit.q, owner, existing, ids, minutes, unit.now, exactly) };
  });
}
