import { describe, expect, it } from 'vitest';
import { expiryFrom } from '../../src/domain/points/expiry.js';
import { parseProgram, cashbackFor, pointsForAmount, rewardFactor, valueOfPoints } from '../../src/domain/program/program.js';
import { add, parseDecimal, toText } from '../../src/domain/shared/decimal.js';
import { moneyFromJson, toDecimal } from '../../src/domain/shared/money.js';
import { checkTransactionTime } from '../../src/domain/shared/transaction-time.js';

const program = (overrides: Record<string, unknown> = {}) => parseProgram(overrides, 'test');
const money = (n: number) => moneyFromJson(n);

describe('exact money', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(toText(add(money(0.1), money(0.2)))).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3); // what binary floating point would have done
  });

  it('keeps the decimal a JSON number was written as, exponents included', () => {
    expect(toDecimal(33.335)).toBe('33.335');
    expect(toDecimal(1e21)).toBe('1000000000000000000000');
    expect(toDecimal(1.5e-7)).toBe('0.00000015');
    expect(toText(parseDecimal('000120.500'))).toBe('120.5');
  });

  it('rounds earned points down: 33.335 at 3 points per 10 gives 10, not 10.0005 rounded up', () => {
    const p = program({ cashback: { amountRewardThreshold: 10, rewardWalletFactor: 3, rewardRankFactor: 1 } });
    expect(cashbackFor(p, money(33.335))).toEqual({ points: 10n, score: 3n });
    expect(cashbackFor(p, money(9.99))).toEqual({ points: 0n, score: 0n }); // below the threshold
    expect(cashbackFor(p, money(10))).toEqual({ points: 3n, score: 1n });
  });

  it('computes cashback on very large amounts without losing a point', () => {
    const p = program({ cashback: { amountRewardThreshold: 1, rewardWalletFactor: 7, rewardRankFactor: 1 } });
    expect(cashbackFor(p, money(999999999999.99)).points).toBe(6999999999999n);
  });

  it('rounds points for an amount up, so a redemption is never short', () => {
    const p = program({ redemptionFactor: 0.1 });
    expect(pointsForAmount(p, money(10))).toBe(100n);
    expect(pointsForAmount(p, money(0.15))).toBe(2n);
    expect(pointsForAmount(p, money(0.1 + 0.2))).toBe(4n); // 0.30000000000000004 as sent is above 0.3
    expect(pointsForAmount(p, money(0.3))).toBe(3n);
  });

  it('values points exactly by the redemption factor', () => {
    const p = program({ redemptionFactor: 0.07 });
    expect(toText(valueOfPoints(p, 3))).toBe('0.21');
    expect(toText(valueOfPoints(p, 11500))).toBe('805');
  });

  it('derives Gameball\'s rewardFactor as (Y / X) x redemption factor', () => {
    expect(rewardFactor(program({ cashback: { amountRewardThreshold: 10, rewardWalletFactor: 5 }, redemptionFactor: 0.1 }))).toBe(0.05);
    expect(rewardFactor(program({ cashback: { amountRewardThreshold: 3, rewardWalletFactor: 1 }, redemptionFactor: 1 }))).toBe(0.333333);
  });

  it('expires points to the instant, by days, months or years', () => {
    expect(expiryFrom(program({ pointsExpiry: { after: 3, unit: 'days' } }), '2024-01-01T14:00:00.000Z')).toBe('2024-01-04T14:00:00.000Z');
    expect(expiryFrom(program({ pointsExpiry: { after: 1, unit: 'months' } }), '2024-01-15T00:00:00.000Z')).toBe('2024-02-15T00:00:00.000Z');
    expect(expiryFrom(program({ pointsExpiry: { after: 2, unit: 'years' } }), '2024-03-01T00:00:00.000Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(expiryFrom(program(), '2024-03-01T00:00:00.000Z')).toBeNull();
  });

  it('clamps an expiry in months or years to the last day of a shorter month', () => {
    const months = (after: number) => program({ pointsExpiry: { after, unit: 'months' } });
    const years = (after: number) => program({ pointsExpiry: { after, unit: 'years' } });
    expect(expiryFrom(months(1), '2025-01-31T10:30:00.000Z')).toBe('2025-02-28T10:30:00.000Z');
    expect(expiryFrom(months(1), '2024-01-31T10:30:00.000Z')).toBe('2024-02-29T10:30:00.000Z');
    expect(expiryFrom(months(3), '2024-10-31T23:59:59.999Z')).toBe('2025-01-31T23:59:59.999Z');
    expect(expiryFrom(months(1), '2024-03-31T00:00:00.000Z')).toBe('2024-04-30T00:00:00.000Z');
    expect(expiryFrom(months(13), '2024-12-31T00:00:00.000Z')).toBe('2026-01-31T00:00:00.000Z');
    expect(expiryFrom(years(1), '2024-02-29T12:00:00.000Z')).toBe('2025-02-28T12:00:00.000Z');
    expect(expiryFrom(years(4), '2024-02-29T12:00:00.000Z')).toBe('2028-02-29T12:00:00.000Z');
  });

  it('refuses a program with a zero threshold, an unknown expiry unit or an expiry past a hundred years', () => {
    expect(() => program({ cashback: { amountRewardThreshold: 0 } })).toThrow(/amountRewardThreshold/);
    expect(() => program({ pointsExpiry: { after: 1, unit: 'weeks' } })).toThrow(/unit/);
    expect(() => program({ pointsExpiry: { after: 101, unit: 'years' } })).toThrow(/after/);
    expect(() => program({ pointsExpiry: { after: 1201, unit: 'months' } })).toThrow(/after/);
  });
});

describe('transaction times', () => {
  const clock = { now: () => new Date('2026-06-01T00:00:00.000Z') };
  const refused = (value: string) => expect(() => checkTransactionTime(value, clock), value).toThrow(expect.objectContaining({ status: 422, code: 3003 }));

  it('refuses dates that do not exist instead of shifting them', () => {
    for (const value of ['2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-04-31T08:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-01T10:00:00+24:00', 'yesterday']) {
      refused(value);
    }
  });

  it('accepts real instants in any offset and answers them in UTC', () => {
    expect(checkTransactionTime('2024-02-29T23:30:00-02:00', clock)).toBe('2024-03-01T01:30:00.000Z');
    expect(checkTransactionTime('2026-05-31T12:00:00.123456Z', clock)).toBe('2026-05-31T12:00:00.123Z');
  });

  it('refuses a time more than a minute ahead of the clock with 9007', () => {
    expect(() => checkTransactionTime('2026-06-01T00:02:00Z', clock)).toThrow(expect.objectContaining({ code: 9007 }));
    expect(checkTransactionTime('2026-06-01T00:00:30Z', clock)).toBe('2026-06-01T00:00:30.000Z');
  });
});
