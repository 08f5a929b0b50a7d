import { booleanOf, decimalOf, instantOf, integerOf, listOf, objectOf, oneOf, textOf, type Raw } from '../program/config-readers.js';
import { fromInteger, type Decimal } from '../shared/decimal.js';

export type PromotionType = 'shipping' | 'fixed' | 'percentage' | 'product' | 'buyXgetY';
const TYPES: readonly PromotionType[] = ['shipping', 'fixed', 'percentage', 'product', 'buyXgetY'];

/**
 * An automatic promotion of the account (`program.promotions[]`): a discount that needs no
 * code, evaluated on a cart by evaluateAutomaticCoupons.
 * - shipping: the cart's shipping is free;
 * - fixed: `value` off (at most what it applies to);
 * - percentage: `value` % off what it applies to, at most `capping`;
 * - product: the cheapest eligible unit is free;
 * - buyXgetY: of every `buyQuantity + getQuantity` eligible units, the `getQuantity` cheapest are free.
 * A promotion naming no products and no collections applies to the cart's total (its units:
 * every line); one naming some, to the lines of those products or collections.
 */
export interface Promotion {
  name: string;
  type: PromotionType;
  value: Decimal;
  buyQuantity: number;
  getQuantity: number;
  productIds: string[];
  collectionIds: string[];
  /** The cart total (before discounts) it needs. */
  minOrderValue?: Decimal;
  capping?: Decimal;
  startDate?: string;
  expiryDate?: string;
  isActive: boolean;
}

/** Reads `program.promotions`. */
export function parsePromotions(raw: unknown, where: string): Promotion[] {
  return listOf(raw, where).map((item, i) => parsePromotion(objectOf(item, `${where}[${i}]`), `${where}[${i}]`));
}

function parsePromotion(raw: Raw, where: string): Promotion {
  const at = (name: string) => `${where}.${name}`;
  const money = (name: string) => (raw[name] === undefined || raw[name] === null ? undefined : decimalOf(raw[name], at(name), false));
  const ids = (name: string) => listOf(raw[name], at(name)).map((id, i) => textOf(id, `${at(name)}[${i}]`));
  const startDate = instantOf(raw.startDate, at('startDate'));
  const expiryDate = instantOf(raw.expiryDate, at('expiryDate'));
  const type = oneOf(raw.type, at('type'), TYPES);
  return {
    name: textOf(raw.name, at('name')),
    type,
    value: money('value') ?? fromInteger(0),
    buyQuantity: integerOf(raw.buyQuantity ?? 1, at('buyQuantity'), 1, 1000),
    getQuantity: integerOf(raw.getQuantity ?? 1, at('getQuantity'), 1, 1000),
    productIds: ids('productIds'),
    collectionIds: ids('collectionIds'),
    ...(money('minOrderValue') ? { minOrderValue: money('minOrderValue')! } : {}),
    ...(money('capping') ? { capping: money('capping')! } : {}),
    ...(startDate ? { startDate } : {}),
    ...(expiryDate ? { expiryDate } : {}),
    isActive: booleanOf(raw.isActive ?? true, at('isActive')),
  };
}
