import type { Queryable } from '../../store/sql.js';
import { couponByCode, type HeldCoupon } from './coupon-store.js';
import type { Owner } from './coupon-locks.js';
import { reasonAgainst, type Check, type Reason } from './usability.js';

/** A code's verdict: the customer's coupon (undefined when the customer holds no such code) and why it cannot be used. */
export interface Verdict {
  code: string;
  coupon: HeldCoupon | undefined;
  reason: Reason | undefined;
}

/**
 * Checks each code for the customer and the cart. Another customer's code is `notFound`, as an
 * unknown one is: a caller learns nothing about coupons it does not hold.
 */
export async function checkCodes(q: Queryable, owner: Owner, codes: readonly string[], check: Check): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const code of codes) {
    const found = await couponByCode(q, owner.accountId, code);
    const coupon = found && Number(found.customer_pk) === owner.customerPk ? found : undefined;
    verdicts.push({ code, coupon, reason: coupon ? reasonAgainst(coupon, check) : 'notFound' });
  }
  return verdicts;
}
