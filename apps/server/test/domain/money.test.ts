import { describe, expect, it } from 'vitest';
import { parseProgram, cashbackFor, pointsForAmount, rewardFactor, valueOfPoints, expiryFrom } from '../../src/program.js';
import { add, parseDecimal, toText } from '../../src/domain/decimal.js';
import { moneyFromJson, toDecimal } from '../../src/domain/money.js';

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

  it('refuses a program with a zero threshold or an unknown expiry unit', () => {
    expect(() => program({ cashback: { amountRewardThreshold: 0 } })).toThrow(/amountRewardThreshold/);
    expect(() => program({ pointsExpiry: { after: 1, unit: 'weeks' } })).toThrow(/unit/);
  });
});
