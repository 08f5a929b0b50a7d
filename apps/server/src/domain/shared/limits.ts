import { errors } from '../../errors.js';

/**
 * Everything a caller can grow, bounded once, here. Over a limit a request answers 422/3011
 * (413/3011 for a body over `bodyBytes`) and writes nothing. The spec states the same figures
 * (maxLength, maxItems, maxProperties and prose; test/http/limits-in-spec.test.ts holds the two
 * together) and the README lists them. Lengths are in characters, sizes in UTF-8 bytes of JSON.
 * They are meant to be out of reach of any real integration while keeping one profile to tens
 * of KB: a profile is read whole on every request about its customer.
 */
export const LIMITS = {
  /** A request body as sent and again after decompression (413/3011 beyond it). */
  bodyBytes: 1024 * 1024,
  /** Nesting of objects and arrays in a body; the top-level object is level 1 (400/3016 beyond it). */
  jsonDepth: 32,
  /** A customer's stored attributes (standard, custom, tags, lists) as JSON, after merging an update into them. */
  profileBytes: 64 * 1024,
  /** Keys of `customerAttributes.custom` a customer may have, after merging. */
  customAttributeKeys: 100,
  customAttributeKeyLength: 100,
  /** One custom attribute's value as JSON. */
  customAttributeValueBytes: 4 * 1024,
  /** Tags a customer may have, after adding. */
  tagsPerCustomer: 100,
  tagLength: 100,
  /** Tags sent as one comma-separated string: room for every tag with a comma and a space. */
  tagsTextLength: 100 * (100 + 2),
  /** Texts of the profile: names, gender, country, city, zip, language, source, channel, dates. */
  profileTextLength: 255,
  /** Items of each list attribute: utms, devices, paymentMethods. */
  profileListItems: 100,
  emailLength: 320,
  mobileLength: 100,
  deviceTokenLength: 1000,
  referralCodeLength: 100,
  /** Merchant and branch IDs and names (kept on ledger entries and orders). */
  merchantTextLength: 200,
  eventsPerCall: 50,
  eventNameLength: 100,
  metadataKeys: 100,
  metadataKeyLength: 100,
  metadataTextLength: 1000,
  metadataListItems: 100,
  /** Line items of an order (and services of a payment). */
  lineItemsPerOrder: 1000,
  /** Items of one batch (POST /batch/...), at least one. */
  batchItems: 1000,
  /**
   * The body of a batch operation (tag Batches) as sent and after decompression: a thousand
   * profiles or orders pass 1 MiB, so these operations read up to 16 MiB (413/3011 beyond it).
   */
  batchBodyBytes: 16 * 1024 * 1024,
} as const;

/** The most points one transaction may move. */
export const MAX_POINTS = 1_000_000_000_000;

/**
 * The most points (and score) a customer's balance, lifetime earnings or score may reach:
 * 10^15, well inside the 2^53 that JSON numbers and both databases carry exactly. An earning
 * that would pass it is refused (422/3011) and writes nothing.
 */
export const MAX_BALANCE = 1_000_000_000_000_000;

/** Lifetime earned points and score may grow further, but stay exact: below 2^53 (about 9 x 10^15). */
export const MAX_TOTAL = 9_000_000_000_000_000;

export function checkPoints(points: bigint | number, field = 'points'): number {
  if (BigInt(points) > BigInt(MAX_POINTS)) {
    throw errors.invalidValue(`${field} would be ${points}; one transaction moves at most ${MAX_POINTS} points.`);
  }
  return Number(points);
}

/** Refuses a figure that would pass its limit: MAX_BALANCE for balances, MAX_TOTAL for lifetime totals. */
export function checkLimit(value: number, what: string, limit = MAX_BALANCE): void {
  if (value > limit) throw errors.limitExceeded(`The customer's ${what} would pass ${limit}, the most one customer may reach.`);
}

/**
 * The largest serial ID: PostgreSQL's serial keys are int4, and comparing one with a larger
 * parameter is an error there (SQLite just finds nothing). An ID past it names no row, so a
 * lookup or cursor beyond it is answered without asking the database.
 */
export const MAX_SERIAL_ID = 2_147_483_647;
