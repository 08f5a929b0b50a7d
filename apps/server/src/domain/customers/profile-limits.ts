import { errors } from '../../errors.js';
import { LIMITS } from '../shared/limits.js';
import type { StoredAttributes } from './attributes.js';

/** Bytes of a value's JSON text in UTF-8. */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** Whether a text has more than `max` characters (code points, as the spec's maxLength counts them). */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - pairs > max;
}

/**
 * Refuses (422/3011) a profile, as it would be stored after this request, that passes one of the
 * limits of a customer (custom attributes, tags, the whole profile: LIMITS). The spec's schemas
 * refuse most single oversized values first; this check sees what they cannot: counts after
 * merging into the stored profile, tags sent as one string, sizes of JSON values and the total.
 * Called before anything is written (or inside the transaction, which the error rolls back).
 */
export function checkProfile(attributes: StoredAttributes): void {
  const custom = attributes.custom ?? {};
  const names = Object.keys(custom);
  if (names.length > LIMITS.customAttributeKeys) {
    throw errors.limitExceeded(`The customer would have ${names.length} custom attributes; at most ${LIMITS.customAttributeKeys} are kept (send a key as null to remove it).`);
  }
  for (const name of names) {
    if (longerThan(name, LIMITS.customAttributeKeyLength)) {
      throw errors.limitExceeded(`The custom attribute name '${name.slice(0, 40)}...' is longer than ${LIMITS.customAttributeKeyLength} characters.`);
    }
    const size = jsonBytes(custom[name]);
    if (size > LIMITS.customAttributeValueBytes) {
      throw errors.limitExceeded(`customerAttributes.custom.${name} takes ${size} bytes as JSON; a value may take at most ${LIMITS.customAttributeValueBytes}.`);
    }
  }
  const tags = Array.isArray(attributes.tags) ? (attributes.tags as unknown[]) : [];
  if (tags.length > LIMITS.tagsPerCustomer) {
    throw errors.limitExceeded(`The customer would have ${tags.length} tags; a customer may have at most ${LIMITS.tagsPerCustomer}.`);
  }
  const long = tags.find((tag) => longerThan(String(tag), LIMITS.tagLength));
  if (long !== undefined) {
    throw errors.limitExceeded(`The tag '${String(long).slice(0, 40)}...' is longer than ${LIMITS.tagLength} characters.`);
  }
  const total = jsonBytes(attributes);
  if (total > LIMITS.profileBytes) {
    throw errors.limitExceeded(`The customer's profile would take ${total} bytes as JSON; a profile may take at most ${LIMITS.profileBytes}.`);
  }
}
