import { describe, expect, it } from 'vitest';
import { parseAccountProgram } from '../../src/account-program.js';
import { lineMultiplier } from '../../src/domain/campaigns/multipliers.js';
import { toText, type Decimal } from '../../src/domain/shared/decimal.js';
import type { CustomerRow } from '../../src/store/schema.js';
import { shop } from '../support/harness.js';

const factorOf = (m: { factor: Decimal } | null) => (m ? toText(m.factor) : null);
const at = '2024-10-16T10:00:00.000Z';

describe('points multipliers', () => {
  it('applies the summer collection multiplier to summer lines only', () => {
    expect(factorOf(lineMultiplier(shop.program, null, { sku: 'A', collections: ['summer', 'x'] }, at))).toBe('2');
    expect(lineMultiplier(shop.program, null, { sku: 'A', collections: ['winter'] }, at)).toBeNull();
  });

  it('the largest running multiplier wins; one with no collection or SKU applies to every line; SKUs select too', () => {
    const program = parseAccountProgram(
      {
        rewardCampaigns: [
          { id: 1, name: 'all', multiplier: { factor: 1.5 }, events: [{ name: 'place_order' }] },
          { id: 2, name: 'sku', multiplier: { factor: 3, skus: ['S1'] }, events: [{ name: 'place_order' }] },
          { id: 3, name: 'off', isActive: false, multiplier: { factor: 9 }, events: [{ name: 'place_order' }] },
          { id: 4, name: 'later', activation: { startDate: '2030-01-01T00:00:00.000Z' }, multiplier: { factor: 8 }, events: [{ name: 'place_order' }] },
        ],
      },
      'test',
    );
    expect(lineMultiplier(program, null, { sku: 'S1', collections: [] }, at)).toMatchObject({ campaign: { id: 2 } });
    expect(lineMultiplier(program, null, { sku: 'S2', collections: [] }, at)).toMatchObject({ campaign: { id: 1 } });
    expect(factorOf(lineMultiplier(program, null, { sku: null, collections: [] }, at))).toBe('1.5');
  });

  it('keeps a multiplier for its audience: a minimum tier or a tag leaves others out, and an opted-out customer too', () => {
    const program = parseAccountProgram(
      {
        tiers: { tiers: [{ id: 1, order: 1, name: 'Low', minProgress: 0 }, { id: 2, order: 2, name: 'High', minProgress: 10 }] },
        rewardCampaigns: [
          { id: 1, name: 'vip', multiplier: { factor: 4 }, availability: { minLevel: 2, tags: ['vip'] }, events: [{ name: 'place_order' }] },
        ],
      },
      'test',
    );
    const line = { sku: null, collections: [] };
    const customer = (tierOrder: number, tags: string[], active = 1) =>
      ({ tier_order: tierOrder, attributes: JSON.stringify({ tags }), is_active: active }) as unknown as CustomerRow;
    expect(factorOf(lineMultiplier(program, customer(2, ['vip']), line, at))).toBe('4');
    expect(lineMultiplier(program, customer(1, ['vip']), line, at)).toBeNull();
    expect(lineMultiplier(program, customer(2, []), line, at)).toBeNull();
    expect(lineMultiplier(program, customer(2, ['vip'], 0), line, at)).toBeNull();
    expect(lineMultiplier(program, null, line, at)).toBeNull(); // a newcomer: lowest tier, no tags
  });
});
