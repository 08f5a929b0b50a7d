import type { Migration } from '../migrator.js';
import { bigint } from './types.js';

/**
 * The points an order or payment earned before any campaign multiplier (`base_points`). A refund
 * without line items takes back only base points, pro rata (domain/refunds/reverse-originals.ts),
 * so the base must be known after the campaign that doubled it has ended. Rows tracked before this migration keep
 * NULL, and their refunds treat all their points as base, as they did before.
 */
export const orderBasePoints: Migration = {
  name: '0011_order_base_points',
  async up(q) {
    await q.exec(`ALTER TABLE orders ADD COLUMN base_points ${bigint(q.dialect)};`);
  },
};
