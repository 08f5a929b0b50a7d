import { describe, expect, it } from 'vitest';
import type { Campaign, Condition } from '../../src/domain/campaigns/campaign-config.js';
import { parseCampaigns } from '../../src/domain/campaigns/campaign-config.js';
import { meetsCondition } from '../../src/domain/campaigns/operators.js';
import { applyEvent, completionPercentage, freshProgress } from '../../src/domain/campaigns/progress.js';

const condition = (c: Partial<Condition> & Pick<Condition, 'operator'>): Condition => ({ key: 'k', value: null, min: null, max: null, count: null, ...c });

function campaignWith(conditions: unknown[], extra: Record<string, unknown> = {}): Campaign {
  return parseCampaigns([{ id: 1, name: 'c', type: 'EventBased', events: [{ name: 'e', conditions }], ...extra }], 'test', 'en')[0]!;
}

/** Sends the values one by one; answers the step of each. */
function run(campaign: Campaign, values: unknown[]) {
  const progress = freshProgress(campaign.id);
  return values.map((k) => applyEvent(campaign, progress, { name: 'e', metadata: { k } as never }, '2024-10-16T10:00:00.000Z'));
}

describe('condition operators on one event', () => {
  const cases: Array<[string, Condition, unknown, unknown]> = [
    ['equals ignores case and reads a comma list as OR', condition({ operator: 'equals', value: 'Red, Blue' }), 'BLUE', 'green'],
    ['equals matches an item of a list', condition({ operator: 'equals', value: 'red' }), ['x', 'Red'], ['x']],
    ['numericEquals compares numbers (numeric text too)', condition({ operator: 'numericEquals', value: 2 }), '2', 3],
    ['atLeast', condition({ operator: 'atLeast', value: 4 }), 4, 3.99],
    ['between includes both ends', condition({ operator: 'between', min: 10, max: 20 }), 20, 20.5],
    ['atLeast reads decimal text exactly', condition({ operator: 'atLeast', value: '4.10' }), '4.1', '4.0999999999999999999'],
    ['atLeast refuses hex text', condition({ operator: 'atLeast', value: 4 }), '4', '0x10'],
    ['atLeast refuses padded text', condition({ operator: 'atLeast', value: 4 }), '5', ' 5 '],
    ['atLeast refuses a list', condition({ operator: 'atLeast', value: 4 }), 5, [1, 5]],
    ['numericEquals compares decimals, not floats', condition({ operator: 'numericEquals', value: '0.3' }), '0.30', 0.30000000000000004],
    ['between refuses exponent text', condition({ operator: 'between', min: 10, max: 2000 }), '1000', '1e3'],
    ['include: an item of a list', condition({ operator: 'include', value: 'sale' }), ['new', 'SALE'], ['new', 'sales']],
    ['include: part of a text', condition({ operator: 'include', value: 'sale' }), 'summer sale', 'summer'],
  ];
  for (const [name, c, passing, failing] of cases) {
    it(name, () => {
      expect(meetsCondition(c, { k: passing as never })).toBe(true);
      expect(meetsCondition(c, { k: failing as never })).toBe(false);
      expect(meetsCondition(c, {})).toBe(false);
    });
  }
});

describe('history operators over a customer\'s events', () => {
  it('differentValues: achieved on the third different value, not on a repeat', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'differentValues', count: 3 }]);
    expect(run(campaign, ['a', 'A', 'b', 'b', 'c'])).toEqual(['progress', 'progress', 'progress', 'progress', 'achieved']);
  });

  it('accumulative: achieved once the values add up to the target', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'accumulative', value: 100 }]);
    expect(run(campaign, [30, 69, 1])).toEqual(['progress', 'progress', 'achieved']);
    const progress = freshProgress(1);
    applyEvent(campaign, progress, { name: 'e', metadata: { k: 25 } }, '2024-10-16T10:00:00.000Z');
    expect(completionPercentage(campaign, progress)).toBe(25);
  });

  it('accumulative adds money exactly: 10.10 + 10.20 + 9.70 reaches 30', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'accumulative', value: 30 }]);
    expect(run(campaign, [10.1, 10.2, 9.7])).toEqual(['progress', 'progress', 'achieved']);
    expect(run(campaign, ['10.10', '10.20', '9.69'])).toEqual(['progress', 'progress', 'progress']);
    expect(run(campaign, [1e300, 1])).toEqual(['achieved', 'progress']); // past any decimal form: no error
  });

  it('accumulative adds only single plain decimals: padded text, hex and lists add nothing', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'accumulative', value: 10 }]);
    expect(run(campaign, [' 9 ', '0x10', [5, 5], '1e3', '9.5', 0.5])).toEqual(['progress', 'progress', 'progress', 'progress', 'progress', 'achieved']);
  });

  it('repeatedValue: achieved when one value is seen the count of times', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'repeatedValue', count: 3 }]);
    expect(run(campaign, ['x', 'y', 'x', 'y', 'X'])).toEqual(['progress', 'progress', 'progress', 'progress', 'achieved']);
  });

  it('an achievement starts the progress over', () => {
    const campaign = campaignWith([{ key: 'k', operator: 'accumulative', value: 10 }], { repeatable: true });
    expect(run(campaign, [10, 5, 5])).toEqual(['achieved', 'progress', 'achieved']);
  });

  it('one-event conditions gate the history: a failing event adds nothing', () => {
    const campaign = campaignWith([
      { key: 'k', operator: 'atLeast', value: 5 },
      { key: 'k', operator: 'accumulative', value: 10 },
    ]);
    expect(run(campaign, [4, 4, 4, 5, 5])).toEqual(['none', 'none', 'none', 'progress', 'achieved']);
  });
});

describe('condition configuration', () => {
  it('refuses an operator without the operands it needs', () => {
    expect(() => campaignWith([{ key: 'k', operator: 'atLeast', value: 'many' }])).toThrow(/must be a number/);
    expect(() => campaignWith([{ key: 'k', operator: 'atLeast', value: '0x10' }])).toThrow(/must be a number/);
    expect(() => campaignWith([{ key: 'k', operator: 'between' }])).toThrow(/min, max or both/);
    expect(() => campaignWith([{ key: 'k', operator: 'between', min: 5, max: 1 }])).toThrow(/min must not be above max/);
    expect(() => campaignWith([{ key: 'k', operator: 'equals' }])).toThrow(/value is needed/);
    expect(() => campaignWith([{ key: 'k', operator: 'repeatedValue' }])).toThrow(/count is needed/);
    expect(() => campaignWith([{ key: 'k', operator: 'differentValues', count: 2 }])).not.toThrow();
  });
});
