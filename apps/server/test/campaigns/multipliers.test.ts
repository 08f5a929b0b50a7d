import { describe, expect, it } from 'vitest';
import { lineMultiplier } from '../../src/domain/campaigns/multipliers.js';
import { parseProgram } from '../../src/domain/program/program.js';
import { toText, type Decimal } from '../../src/domain/shared/decimal.js';
import { shop } from '../support/harness.js';

const factorOf = (m: { factor: Decimal } | null) => (m ? toText(m.factor) : null);
const at = '2024-10-16T10:00:00.000Z';

describe('points multipliers', () => {
  it('applies the summer collection multiplier to summer lines only', () => {
    expect(factorOf(lineMultiplier(shop.program, { sku: 'A', collections: ['summer', 'x'] }, at))).toBe('2');
    expect(lineMultiplier(shop.program, { sku: 'A', collections: ['winter'] }, at)).toBeNull();
  });

  it('the largest running multiplier wins; one with no collection or SKU applies to every line; SKUs select too', () => {
    const program = parseProgram(
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
    expect(lineMultiplier(program, { sku: 'S1', collections: [] }, at)).toMatchObject({ campaign: { id: 2 } });
    expect(lineMultiplier(program, { sku: 'S2', collections: [] }, at)).toMatchObject({ campaign: { id: 1 } });
    expect(factorOf(lineMultiplier(program, { sku: null, collections: [] }, at))).toBe('1.5');
  });
});
