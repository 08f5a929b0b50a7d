import type { FiredEvent, MetadataValue } from '../events/fired-event.js';
import { toNumber, type Decimal } from '../shared/decimal.js';
import type { PurchaseLine } from './purchase-lines.js';

function metadataValue(value: unknown): MetadataValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map(metadataValue).filter((v): v is MetadataValue => v !== undefined);
  return undefined;
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * The metadata of a purchase event: the figures given, then the lines' fields as lists (sku,
 * title, category, collection, tag, vendor, weight) and the extra keys of the order and its lines
 * (the order's own win; a key the figures or fields use is not overwritten).
 */
export function purchaseEvent(
  name: 'place_order' | 'payment_processed',
  figures: Record<string, Decimal | string | null | undefined>,
  lines: readonly PurchaseLine[],
  extra: Record<string, unknown> | undefined,
): FiredEvent {
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (value === undefined) continue;
    metadata[key] = value === null || typeof value === 'string' ? value : toNumber(value);
  }
  const present = <T>(values: Array<T | null>) => distinct(values.filter((v): v is T => v !== null));
  Object.assign(metadata, {
    sku: present(lines.map((l) => l.sku)),
    title: present(lines.map((l) => l.title)),
    category: distinct(lines.flatMap((l) => l.category)),
    collection: distinct(lines.flatMap((l) => l.collection)),
    tag: distinct(lines.flatMap((l) => l.tags)),
    vendor: present(lines.map((l) => l.vendor)),
    weight: lines.map((l) => l.weight).filter((w): w is number => w !== null),
  });
  for (const source of [extra ?? {}, ...lines.map((l) => l.extra)]) {
    for (const [key, value] of Object.entries(source)) {
      const v = metadataValue(value);
      if (v !== undefined && !(key in metadata)) metadata[key] = v;
    }
  }
  return { name, metadata };
}
