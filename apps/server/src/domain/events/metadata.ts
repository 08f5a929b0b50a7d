import { errors } from '../../errors.js';
import type { FiredEvent, MetadataValue } from './fired-event.js';
import { LIMITS } from '../shared/limits.js';

/** Most keys one event's metadata may have (the spec says so too and refuses more first, 3011). */
const MAX_METADATA_KEYS = LIMITS.metadataKeys;

/** Names of events the server fires itself (orders, payments, redemptions). */
export const SYSTEM_EVENTS: readonly string[] = ['place_order', 'payment_processed', 'points_redeemed'];

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Reads one event's metadata: an object whose values are text, numbers, flags, null or lists of
 * those. Answers the metadata, or why it is not valid (a nested object, a list in a list).
 * `null` or absent metadata is read as `{}` when `allowNull` (the preview allows it).
 */
export function readMetadata(raw: unknown, allowNull: boolean): { metadata: Record<string, MetadataValue> } | { invalid: string } {
  if (raw === null || raw === undefined) return allowNull ? { metadata: {} } : { invalid: 'metadata must be an object' };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { invalid: 'metadata must be an object' };
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_METADATA_KEYS) return { invalid: `metadata has more than ${MAX_METADATA_KEYS} keys` };
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of entries) {
    if (isScalar(value)) metadata[key] = value;
    else if (Array.isArray(value) && value.every(isScalar)) metadata[key] = value;
    else return { invalid: `the value of '${key}' must be a text, a number or a list of them` };
  }
  return { metadata };
}

/** The events of POST /events in request order; metadata the engine cannot read is refused (422/3003) before anything is written. */
export function firedEvents(events: Record<string, unknown>): FiredEvent[] {
  return Object.entries(events).map(([name, raw]) => {
    const read = readMetadata(raw, false);
    if ('invalid' in read) throw errors.invalidValue(`events.${name}: ${read.invalid}.`);
    return { name, metadata: read.metadata };
  });
}

export type { FiredEvent };
