/**
 * The resources Gameball limits separately (behaviour.md §1.4). Transactions count reads and
 * writes apart; customers too; the cashback quote of orders has its own, much larger, allowance.
 */
export const RATE_LIMITED_RESOURCES = [
  'transactions.read',
  'transactions.write',
  'coupons',
  'customers.read',
  'customers.write',
  'events',
  'orders',
  'orders.cashback',
  'others',
] as const;
export type RateLimitedResource = (typeof RATE_LIMITED_RESOURCES)[number];

/** How many requests one account may send to one resource: per second and per 30 seconds. */
export interface RateLimit {
  perSecond: number;
  per30Seconds: number;
}

export type RateLimitTable = Record<RateLimitedResource, RateLimit>;

/** Gameball's limits per API key (behaviour.md §1.4); an account may change any of them. */
export const GAMEBALL_RATE_LIMITS: RateLimitTable = {
  'transactions.read': { perSecond: 30, per30Seconds: 360 },
  'transactions.write': { perSecond: 30, per30Seconds: 360 },
  coupons: { perSecond: 30, per30Seconds: 360 },
  'customers.read': { perSecond: 100, per30Seconds: 1200 },
  'customers.write': { perSecond: 30, per30Seconds: 360 },
  events: { perSecond: 100, per30Seconds: 1200 },
  orders: { perSecond: 30, per30Seconds: 360 },
  'orders.cashback': { perSecond: 1000, per30Seconds: 15000 },
  others: { perSecond: 30, per30Seconds: 360 },
};

/**
 * The resource an operation counts against, from the route the resolver found (its path
 * template and method, never the raw path); undefined for the reference tools, which are not
 * part of Gameball's API and are never limited.
 */
export function resourceOf(route: { method: string; path: string; referenceTool: boolean }): RateLimitedResource | undefined {
  if (route.referenceTool) return undefined;
  const reads = route.method === 'get';
  switch (route.path.split('/')[1]) {
    case 'transactions':
      return reads ? 'transactions.read' : 'transactions.write';
    case 'coupons':
      return 'coupons';
    case 'customers':
      return reads ? 'customers.read' : 'customers.write';
    case 'events':
      return 'events';
    case 'orders':
      return route.path === '/orders/cashback' ? 'orders.cashback' : 'orders';
    default:
      return 'others';
  }
}

/** Reads an account's `rateLimits` from the accounts file: `false`, or limits replacing some of Gameball's. */
export function parseRateLimits(raw: unknown, where: string): RateLimitTable | false {
  if (raw === undefined || raw === null) return GAMEBALL_RATE_LIMITS;
  if (raw === false) return false;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where} must be false or an object of limits by resource.`);
  const table: RateLimitTable = { ...GAMEBALL_RATE_LIMITS };
  for (const [resource, limit] of Object.entries(raw)) {
    if (!(RATE_LIMITED_RESOURCES as readonly string[]).includes(resource)) {
      throw new Error(`${where}.${resource} is not a resource; use one of ${RATE_LIMITED_RESOURCES.join(', ')}.`);
    }
    const { perSecond, per30Seconds } = (limit ?? {}) as Partial<RateLimit>;
    for (const [name, value] of [['perSecond', perSecond], ['per30Seconds', per30Seconds]] as const) {
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`${where}.${resource}.${name} must be a whole number >= 1.`);
    }
    table[resource as RateLimitedResource] = { perSecond: perSecond!, per30Seconds: per30Seconds! };
  }
  return table;
}
