import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { nowIso, uid } from '../support/harness.js';

/** Small helpers over the generated client for the coupon tests. */
export function couponsApi(gb: GameballClient) {
  const api = {
    /** A new customer holding `points` active points. */
    async customerWith(points: number): Promise<string> {
      const customerId = uid('cust');
      expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
      if (points > 0) {
        const manual = await gb.POST('/transactions/manual', {
          body: { customerId, transactionId: uid('man'), transactionTime: nowIso(), username: 'admin', reason: 'test', points },
        });
        expect(manual.error).toBeUndefined();
      }
      return customerId;
    },
    generate(customerId: string, ruleId: number, transactionId?: string) {
      return gb.POST('/coupons/predefined', { body: { customerId, ruleId, ...(transactionId === undefined ? {} : { transactionId }) } });
    },
    /** A coupon of the rule for the customer; fails the test when it is refused. */
    async coupon(customerId: string, ruleId: number): Promise<string> {
      const { data, error } = await api.generate(customerId, ruleId);
      expect(error).toBeUndefined();
      return data!.code;
    },
    validate(code: string, body: { customerId: string } & Record<string, unknown>) {
      return gb.POST('/coupons/{code}/validate', { params: { path: { code } }, body: body as never });
    },
    validateMany(customerId: string, coupons: string[], options: Record<string, unknown> = {}) {
      return gb.POST('/coupons/validate', { body: { customerId, coupons, ...options } as never });
    },
    burnCodes(customerId: string, coupons: string[], options: Record<string, unknown> = {}) {
      return gb.POST('/coupons/burn', { body: { customerId, coupons, ...options } as never });
    },
    burnLock(customerId: string, lockReference: string) {
      return gb.POST('/coupons/burn', { body: { customerId, lockReference } });
    },
    release(lockReference: string) {
      return gb.DELETE('/coupons/{lockReference}', { params: { path: { lockReference } } });
    },
    /** The customer's coupons by code. */
    async coupons(customerId: string) {
      const { data, error } = await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return new Map(data!.coupons.map((coupon) => [coupon.code, coupon]));
    },
    async balance(customerId: string) {
      const { data, error } = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return data!;
    },
    async ledger(customerId: string) {
      const { data, error } = await gb.GET('/transactions', { params: { query: { customerId, limit: 200 } } });
      expect(error).toBeUndefined();
      return data!.transactions;
    },
    order(customerId: string, redemption: { couponsLockReference?: string; couponCodes?: string[] }, orderId = uid('ord'), totalPaid = 100) {
      return gb.POST('/orders', { body: { customerId, orderId, orderDate: nowIso(), totalPaid, redemption } });
    },
  };
  return api;
}
