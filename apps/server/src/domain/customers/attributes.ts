import { errors } from '../../errors.js';

/** Stored attributes: what the customer upsert accepts, normalised (tags a list, `utMs`). */
export type StoredAttributes = Record<string, unknown> & { custom?: Record<string, unknown> };

/** Attributes that are not personal data, in the order the public profile lists them. */
const PUBLIC = [
  'gender',
  'country',
  'city',
  'zip',
  'custom',
  'tags',
  'source',
  'utMs',
  'devices',
  'paymentMethods',
  'totalSpent',
  'lastOrderDate',
  'totalOrders',
  'manualDate',
] as const;

const PERSONAL = [
  'displayName',
  'firstName',
  'lastName',
  'email',
  'mobile',
  'dateOfBirth',
  'joinDate',
  'preferredLanguage',
  'avgOrderAmount',
  'channel',
] as const;

/** Standard names may not be reused as custom attribute names. */
const RESERVED = new Set<string>([...PUBLIC, ...PERSONAL, 'utms', 'customerId', 'gameballId']);

const LIST_DEFAULTS = { custom: {}, tags: [], utMs: [], devices: [], paymentMethods: [] };

function normaliseTags(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags : String(tags).split(',');
  return [...new Set(list.map((tag) => String(tag).trim()).filter((tag) => tag.length > 0))];
}

/** Turns the request's attributes into stored form; refuses reserved custom names (3003). */
export function normaliseAttributes(input: Record<string, unknown> | undefined): StoredAttributes {
  const result: StoredAttributes = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === undefined) continue;
    if (key === 'tags') result.tags = normaliseTags(value);
    else if (key === 'utms') result.utMs = value;
    else if (key === 'custom') result.custom = checkCustom(value as Record<string, unknown>);
    else result[key] = value;
  }
  return result;
}

function checkCustom(custom: Record<string, unknown>): Record<string, unknown> {
  const clash = Object.keys(custom).find((key) => RESERVED.has(key));
  if (clash !== undefined) {
    throw errors.invalidValue(
      `customerAttributes.custom.${clash} uses the name of a standard attribute; pick another name.`,
    );
  }
  return custom;
}

/**
 * An update keeps what it does not mention; custom attributes merge key by key, and a custom
 * attribute sent as null is removed (so a customer at the limit of keys can make room).
 */
export function mergeAttributes(stored: StoredAttributes, update: StoredAttributes): StoredAttributes {
  const merged: StoredAttributes = { ...stored, ...update };
  if (stored.custom || update.custom) {
    merged.custom = Object.fromEntries(Object.entries({ ...stored.custom, ...update.custom }).filter(([, value]) => value !== null));
  }
  return merged;
}

function pick(attributes: StoredAttributes, names: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = attributes[name] ?? LIST_DEFAULTS[name as keyof typeof LIST_DEFAULTS];
    // An attribute without a value is left out, never null: the reference declares them all as values.
    if (value !== undefined && value !== null) out[name] = value;
  }
  return out;
}

/** The profile without personal data. */
export function publicAttributes(attributes: StoredAttributes) {
  return pick(attributes, PUBLIC);
}

/** The whole profile; the top-level email and mobile fill in when the attributes lack them. */
export function allAttributes(
  attributes: StoredAttributes,
  contact: { email: string | null; mobile: string | null },
) {
  const withContact: StoredAttributes = {
    ...attributes,
    email: attributes.email ?? contact.email ?? undefined,
    mobile: attributes.mobile ?? contact.mobile ?? undefined,
  };
  return pick(withContact, [...PUBLIC, ...PERSONAL]);
}
