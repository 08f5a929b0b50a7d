import { describe, expect, it } from 'vitest';
import { specPath } from '@gameball-open/spec';
import { readSpec, specRoutes } from '../../src/http/spec-routes.js';
import { resourceOf } from '../../src/rate-limit-table.js';

describe('the resource each operation counts against', () => {
  const routes = specRoutes(readSpec(specPath));
  const of = (operationId: string) => {
    const route = routes.find((r) => r.operationId === operationId);
    if (!route) throw new Error(`no operation ${operationId}`);
    return resourceOf(route);
  };

  it('follows the table of behaviour.md 1.4', () => {
    expect([of('listTransactions'), of('getHold')]).toEqual(['transactions.read', 'transactions.read']);
    expect([of('createManualTransaction'), of('redeemPoints'), of('releaseHold')]).toEqual(['transactions.write', 'transactions.write', 'transactions.write']);
    expect([of('validateCoupon'), of('burnCoupons')]).toEqual(['coupons', 'coupons']);
    expect([of('getCustomer'), of('getCustomerBalance')]).toEqual(['customers.read', 'customers.read']);
    expect([of('createCustomer'), of('deleteCustomer')]).toEqual(['customers.write', 'customers.write']);
    expect([of('trackEvents'), of('previewEventRewards')]).toEqual(['events', 'events']);
    expect([of('trackOrder'), of('previewOrderRewards')]).toEqual(['orders', 'orders']);
    expect(of('calculateOrderCashback')).toBe('orders.cashback');
    expect([of('getWidgetConfiguration'), of('getLeaderboard'), of('trackPayment')]).toEqual(['others', 'others', 'others']);
  });

  it('limits every operation of the API and none of the reference tools', () => {
    for (const route of routes) {
      expect(resourceOf(route) === undefined, route.operationId).toBe(route.path.startsWith('/_reference/'));
    }
  });
});
