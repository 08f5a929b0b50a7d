import type { components } from '@gameball-open/server-types';
import { fromInteger, type Decimal } from '../shared/decimal.js';
import { moneyFromJson } from '../shared/money.js';

type Schemas = components['schemas'];

/**
 * One line of a purchase as the calculation sees it: an order's product line or a payment's
 * service (quantity 1). Money is exact; `price` is per unit, `taxes` and `discount` line totals.
 */
export interface PurchaseLine {
  /** productId of an order line, serviceId of a payment's service. */
  id: string | null;
  sku: string | null;
  title: string | null;
  category: string[];
  collection: string[];
  tags: string[];
  vendor: string | null;
  weight: number | null;
  extra: Record<string, unknown>;
  /** As sent, for the answer. */
  quantityAsSent: number;
  quantity: Decimal;
  price: Decimal;
  taxes: Decimal;
  discount: Decimal;
}

/** The order-level figures the calculation needs. */
export interface PurchaseTotals {
  totalPaid: Decimal;
  totalShipping: Decimal;
  totalTax: Decimal;
}

const ZERO = fromInteger(0);
const money = (value: number | undefined, field: string) => (value === undefined ? ZERO : moneyFromJson(value, field));

/** An order's product line (the seed's line object also spells `tags` as `tag`). */
export function orderLine(line: Schemas['OrderLineItem']): PurchaseLine {
  const legacyTag = (line as { tag?: unknown }).tag;
  return {
    id: line.productId ?? null,
    sku: line.sku ?? null,
    title: line.title ?? null,
    category: line.category ?? [],
    collection: line.collection ?? [],
    tags: line.tags ?? (Array.isArray(legacyTag) ? legacyTag.map(String) : []),
    vendor: line.vendor ?? null,
    weight: line.weight ?? null,
    extra: (line.extra ?? {}) as Record<string, unknown>,
    quantityAsSent: line.quantity ?? 1,
    quantity: money(line.quantity ?? 1, 'quantity'),
    price: money(line.price, 'price'),
    taxes: money(line.taxes, 'taxes'),
    discount: money(line.discount, 'discount'),
  };
}

/** A payment's service: its net is amount + tax - discount, quantity 1. */
export function serviceLine(line: Schemas['PaymentServiceLine']): PurchaseLine {
  return {
    id: line.serviceId ?? null,
    sku: line.serviceId ?? null,
    title: line.serviceName ?? null,
    category: line.category ?? [],
    collection: [],
    tags: line.tags ?? [],
    vendor: line.serviceProvider ?? null,
    weight: null,
    extra: (line.extra ?? {}) as Record<string, unknown>,
    quantityAsSent: 1,
    quantity: fromInteger(1),
    price: money(line.amount, 'amount'),
    taxes: money(line.tax, 'tax'),
    discount: money(line.discount, 'discount'),
  };
}

/** The totals of a request; what is left out counts as 0. */
export function purchaseTotals(input: { totalPaid: number; totalShipping?: number; totalTax?: number }): PurchaseTotals {
  return {
    totalPaid: moneyFromJson(input.totalPaid, 'totalPaid'),
    totalShipping: money(input.totalShipping, 'totalShipping'),
    totalTax: money(input.totalTax, 'totalTax'),
  };
}
