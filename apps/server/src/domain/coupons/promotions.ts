import type { components } from '@gameball-open/server-types';
import { add, compare, divideFloor, divideRounded, fromInteger, multiply, toNumber, type Decimal } from '../shared/decimal.js';
import type { Promotion } from './promotion-config.js';

type Result = components['schemas']['AutomaticCouponResult'];

/** A cart line as a promotion reads it: money exact. */
export interface CartLine {
  productId: string | undefined;
  collections: string[];
  price: Decimal;
  quantity: Decimal;
}

export interface PromotionCart {
  totalPrice: Decimal;
  totalShipping: Decimal;
  lines: CartLine[];
}

interface Outcome {
  promotion: Promotion;
  discount: Decimal;
  items: Array<{ productId: string; quantity: number; discount: Decimal; price: Decimal }>;
}

const ZERO = fromInteger(0);
const HUNDRED = fromInteger(100);
const cents = (value: Decimal) => divideRounded(value, fromInteger(1), 2);
const min = (a: Decimal, b: Decimal) => (compare(a, b) <= 0 ? a : b);
/** Whole units of a line (a quantity of 2.5 holds 2). */
const units = (line: CartLine) => Number(divideFloor(line.quantity, fromInteger(1)));

/**
 * The best of the account's promotions for a cart at `now`: active and in its dates, the cart
 * reaching its minimum, giving the largest discount (the first configured on a tie). Only
 * evaluates; nothing is stored.
 */
export function bestPromotion(promotions: readonly Promotion[], cart: PromotionCart, now: string): Result {
  let best: Outcome | undefined;
  for (const promotion of promotions) {
    if (!promotion.isActive || (promotion.startDate && now < promotion.startDate) || (promotion.expiryDate && now >= promotion.expiryDate)) continue;
    if (promotion.minOrderValue && compare(cart.totalPrice, promotion.minOrderValue) < 0) continue;
    const outcome = evaluate(promotion, cart);
    if (compare(outcome.discount, ZERO) > 0 && (!best || compare(outcome.discount, best.discount) > 0)) best = outcome;
  }
  if (!best) return { isApplied: false, discountAmount: 0, discountedItems: [] };
  return {
    isApplied: true,
    couponName: best.promotion.name,
    discountAmount: toNumber(best.discount),
    discountType: best.promotion.type,
    discountedItems: best.items.map((item) => ({ productId: item.productId, quantity: item.quantity, discount: toNumber(item.discount), price: toNumber(item.price) })),
  };
}

function eligible(promotion: Promotion, line: CartLine): boolean {
  if (promotion.productIds.length === 0 && promotion.collectionIds.length === 0) return true;
  return (line.productId !== undefined && promotion.productIds.includes(line.productId)) || line.collections.some((c) => promotion.collectionIds.includes(c));
}

function evaluate(promotion: Promotion, cart: PromotionCart): Outcome {
  const lines = cart.lines.filter((line) => eligible(promotion, line) && compare(line.quantity, ZERO) > 0);
  // A promotion for the whole cart takes off its total; one limited to products or collections, their lines' total.
  const limited = promotion.productIds.length > 0 || promotion.collectionIds.length > 0;
  const total = limited ? lines.reduce((sum, line) => add(sum, multiply(line.price, line.quantity)), ZERO) : cart.totalPrice;
  switch (promotion.type) {
    case 'shipping':
      return { promotion, discount: cart.totalShipping, items: [] };
    case 'fixed':
      return { promotion, discount: cents(min(promotion.value, total)), items: [] };
    case 'percentage': {
      const off = divideRounded(multiply(total, promotion.value), HUNDRED, 2);
      return { promotion, discount: promotion.capping ? min(off, promotion.capping) : off, items: [] };
    }
    case 'product':
      return freeUnits(promotion, lines, lines.length > 0 ? 1 : 0);
    case 'buyXgetY': {
      const count = lines.reduce((n, line) => n + units(line), 0);
      return freeUnits(promotion, lines, Math.floor(count / (promotion.buyQuantity + promotion.getQuantity)) * promotion.getQuantity);
    }
  }
}

/** The `count` cheapest eligible units free, listed per line. */
function freeUnits(promotion: Promotion, lines: CartLine[], count: number): Outcome {
  const items: Outcome['items'] = [];
  let left = count;
  let discount = ZERO;
  for (const line of [...lines].sort((a, b) => compare(a.price, b.price))) {
    if (left <= 0) break;
    const quantity = Math.min(left, units(line));
    if (quantity <= 0) continue;
    const off = multiply(line.price, fromInteger(quantity));
    items.push({ productId: line.productId ?? '', quantity, discount: off, price: line.price });
    discount = add(discount, off);
    left -= quantity;
  }
  return { promotion, discount: cents(discount), items };
}
