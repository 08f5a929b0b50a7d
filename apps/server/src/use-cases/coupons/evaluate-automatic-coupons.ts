import type { components } from '@gameball-open/server-types';
import { bestPromotion, type CartLine } from '../../domain/coupons/promotions.js';
import { add, compare, fromInteger, multiply } from '../../domain/shared/decimal.js';
import { moneyFromJson } from '../../domain/shared/money.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

const ZERO = fromInteger(0);

/**
 * POST /coupons/automatic: the account's best automatic promotion for the cart. Evaluation
 * only: nothing is read about the customer or written, so an unknown customer is not created
 * and a caller with the public key learns nothing about anyone's coupons.
 */
export async function evaluateAutomaticCoupons(scope: Scope, input: Schemas['AutomaticCouponRequest']): Promise<Schemas['AutomaticCouponResult']> {
  // Lines with a negative price are left out, as orders leave them out.
  const lines: CartLine[] = (input.lineItems ?? [])
    .map((line) => ({
      productId: line.productId,
      collections: line.collection ?? [],
      price: moneyFromJson(line.price ?? 0, 'price'),
      quantity: moneyFromJson(line.quantity ?? 1, 'quantity'),
    }))
    .filter((line) => compare(line.price, ZERO) >= 0);
  const linesTotal = lines.reduce((sum, line) => add(sum, multiply(line.price, line.quantity)), ZERO);
  const cart = {
    totalPrice: input.totalPrice === undefined ? linesTotal : moneyFromJson(input.totalPrice, 'totalPrice'),
    totalShipping: input.totalShipping === undefined ? ZERO : moneyFromJson(input.totalShipping, 'totalShipping'),
    lines,
  };
  return bestPromotion(scope.account.program.promotions, cart, scope.clock.now().toISOString());
}
