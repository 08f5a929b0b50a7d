import { describe, expect, it } from 'vitest';
import { specPath } from '@gameball-open/spec';
import { readSpec } from '../../src/http/spec-routes.js';
import { describeOnStorages, nowIso, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { NULLABLE_FIELDS, nullPaths } from './nullable-fields.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { operationId: string; responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }> };

const spec = readSpec(specPath) as unknown as { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };

function resolve<T>(node: T & { $ref?: string }): T {
  let out: unknown = node;
  while ((out as { $ref?: string })?.$ref) {
    const [, section, name] = (out as { $ref: string }).$ref.replace('#/components/', '#/').split('/');
    out = spec.components[section!]![name!];
  }
  return out as T;
}

function nullable(schema: Schema): boolean {
  const s = resolve(schema);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.includes('null') || (s.enum?.includes(null) ?? false) || [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some(nullable);
}

/** The properties of a response schema that the spec lets be null, as `a.b[].c` paths. */
function nullableProperties(schema: Schema, prefix = ''): string[] {
  const s = resolve(schema);
  const found = [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap((part) => nullableProperties(part, prefix));
  for (const [key, value] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (nullable(value)) found.push(path);
    found.push(...nullableProperties(value, path));
  }
  if (s.items) found.push(...nullableProperties(s.items, `${prefix}[]`));
  return found;
}

describe("the spec's success responses", () => {
  it('let a field be null only where the reference declares it nullable', () => {
    const byOperation: Record<string, string[]> = {};
    for (const item of Object.values(spec.paths)) {
      for (const operation of Object.values(item)) {
        if (!operation?.operationId) continue;
        for (const [status, response] of Object.entries(operation.responses)) {
          const schema = status.startsWith('2') ? resolve(response).content?.['application/json']?.schema : undefined;
          const paths = schema ? [...new Set(nullableProperties(schema))].sort() : [];
          if (paths.length > 0) byOperation[operation.operationId] = paths;
        }
      }
    }
    const expected = Object.fromEntries(Object.entries(NULLABLE_FIELDS).map(([id, paths]) => [id, [...paths].sort()]));
    expect(byOperation).toEqual(expected);
  });
});

describeOnStorages('success responses of the running server', (server) => {
  it('carry null nowhere the reference declares a string, number or object: unknown values are left out', async () => {
    const gb = server().as(shop); // tiers, campaigns, referrals
    const demo = server().client(); // no tiers
    const nulls: string[] = [];
    const seen = new Set<string>();
    async function call<T extends { response: Response; error?: unknown; data?: unknown }>(operationId: string, request: Promise<T>): Promise<T> {
      const result = await request;
      expect(result.error, `${operationId}: ${JSON.stringify(result.error)}`).toBeUndefined();
      seen.add(operationId);
      const allowed = NULLABLE_FIELDS[operationId] ?? [];
      for (const path of nullPaths(result.data)) if (!allowed.includes(path)) nulls.push(`${operationId}: ${path}`);
      return result;
    }
    const path = (customerId: string) => ({ params: { path: { customerId } } });

    // A referrer and a friend who gave nothing but an ID; a demo customer without a tier.
    const referrer = uid('cust');
    await call('createCustomer', gb.POST('/customers', { body: { customerId: referrer, customerAttributes: { displayName: 'Ref' } } }));
    const code = (await call('getCustomer', gb.GET('/customers/{customerId}', path(referrer)))).data!.referralCode;
    const friend = uid('cust');
    await call('createCustomer', gb.POST('/customers', { body: { customerId: friend, referrerCode: code } }));
    const plain = await pointsApi(demo).customer();

    await call('getCustomer', gb.GET('/customers/{customerId}', path(friend)));
    await call('getCustomerDetails', gb.GET('/customers/{customerId}/details', path(friend)));
    await call('getCustomerBalance', demo.GET('/customers/{customerId}/balance', path(plain)));
    await call('getTierProgress', demo.GET('/customers/{customerId}/tier-progress', path(plain)));
    await call('getTierProgress', gb.GET('/customers/{customerId}/tier-progress', path(friend)));
    await call('listCustomerReferrals', gb.GET('/customers/{customerId}/referrals', path(referrer)));
    await call('countCustomerReferrals', gb.GET('/customers/{customerId}/referrals/count', path(referrer)));
    await call('getRewardCampaignsProgress', gb.GET('/customers/{customerId}/reward-campaigns-progress', path(friend)));
    await call('getCustomerStamps', gb.GET('/customers/{customerId}/stamps/{challengeId}', { params: { path: { customerId: friend, challengeId: 102 } } }));
    await call('getCustomerStreak', gb.GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId: friend, campaignId: 102 } } }));
    await call('listCustomerActivities', gb.GET('/customers/{customerId}/activities', path(friend)));
    await call('listCustomerNotifications', gb.GET('/customers/{customerId}/notifications', path(friend)));
    await call('listCustomerCoupons', gb.GET('/customers/{customerId}/coupons', path(friend)));
    await call('getCustomerAutomation', gb.GET('/customers/{customerId}/automation', path(friend)));

    // Points moved every way, lines without a productId, a redemption without a reason.
    const line = [{ price: 30, quantity: 1 }];
    await call('createManualTransaction', demo.POST('/transactions/manual', { body: { customerId: plain, transactionId: uid('m'), username: 'a', reason: 'r', points: 500 } }));
    await call('rewardCashback', demo.POST('/transactions/cashback', { body: { customerId: plain, transactionId: uid('c'), transactionTime: nowIso(), amount: 40 } }));
    await call('redeemPoints', demo.POST('/transactions/redeem', { body: { customerId: plain, transactionId: uid('r'), transactionTime: nowIso(), points: 10 } }));
    const hold = await call('holdPoints', demo.POST('/transactions/hold', { body: { customerId: plain, transactionTime: nowIso(), pointsToHold: 20 } }));
    await call('getHold', demo.GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: hold.data!.holdReference } } }));
    const orderId = uid('ord');
    await call('trackOrder', demo.POST('/orders', { body: { customerId: plain, orderId, orderDate: nowIso(), totalPaid: 30, lineItems: line } }));
    await call('listOrderTransactions', demo.GET('/orders/{orderId}/transactions', { params: { path: { orderId } } }));
    await call('refundTransaction', demo.POST('/transactions/refund', { body: { customerId: plain, refundTransactionId: uid('rf'), reverseTransactionId: orderId, transactionTime: nowIso(), refundAmount: 10 } }));
    await call('trackPayment', demo.POST('/payments', { body: { customerId: plain, paymentId: uid('pay'), paymentDate: nowIso(), totalPaid: 30, paymentDetails: [{ amount: 30 }] } }));
    await call('calculateOrderCashback', demo.POST('/orders/cashback', { body: { totalPaid: 30, totalDiscount: 0, totalShipping: 0, lineItems: line } }));
    await call('calculatePaymentCashback', demo.POST('/payments/cashback', { body: { totalPaid: 30, paymentDetails: [{ amount: 30 }] } }));
    await call('previewOrderRewards', gb.POST('/orders/reward-preview', { body: { totalPaid: 30, totalDiscount: 0, totalShipping: 0, lineItems: line } }));
    await call('previewEventRewards', gb.POST('/events/reward-preview', { body: { customerId: friend, events: { review_submitted: { rating: 5 } } } }));
    await call('trackEvents', gb.POST('/events', { body: { customerId: friend, events: { review_submitted: { rating: 5 } } } }));
    await call('listTransactions', demo.GET('/transactions', { params: { query: { customerId: plain } } }));
    await call('listTransactions', gb.GET('/transactions', { params: { query: { customerId: friend } } }));
    await call('listCustomerViewTransactions', demo.GET('/transactions/customer-view', { params: { query: { customerId: plain } } }));

    // Coupons bought, checked, locked, listed, released and burned; a coupon without expiry, a cart no promotion fits.
    const couponer = await pointsApi(demo).customer();
    await pointsApi(demo).manual(couponer, 500);
    const coupon = (await call('generateCoupon', demo.POST('/coupons/predefined', { body: { customerId: couponer, ruleId: 2 } }))).data!.code;
    await call('validateCoupon', demo.POST('/coupons/{code}/validate', { params: { path: { code: coupon } }, body: { customerId: couponer } }));
    await call('validateCoupon', demo.POST('/coupons/{code}/validate', { params: { path: { code: 'NOPE' } }, body: { customerId: couponer } }));
    const lock = await call('validateCoupons', demo.POST('/coupons/validate', { body: { customerId: couponer, coupons: [coupon], lock: true } }));
    await call('listCustomerCoupons', demo.GET('/customers/{customerId}/coupons', path(couponer)));
    await call('releaseCoupons', demo.DELETE('/coupons/{lockReference}', { params: { path: { lockReference: lock.data!.lockReference! } } }));
    await call('burnCoupons', demo.POST('/coupons/burn', { body: { customerId: couponer, coupons: [coupon] } }));
    await call('evaluateAutomaticCoupons', demo.POST('/coupons/automatic', { body: { customerId: couponer, cartId: 'cart-1', totalPrice: 10 } }));
    await call('getCouponEngineConfiguration', demo.GET('/configurations/coupon', {}));
    await call('updateCouponEngineConfiguration', demo.PUT('/configurations/coupon', { body: { url: 'https://coupons.example.com', method: 'POST' } }));
    await call('getCouponRewardsConfiguration', demo.GET('/configurations/rewards/coupons', {}));
    await call('updateCouponRewardsConfiguration', demo.PUT('/configurations/rewards/coupons', { body: { maximumCoupons: null } }));
    await call('getRedemptionConfigurationLegacy', demo.GET('/configurations/redemption', {}));

    // The program as configured, and leaderboards without a customer and without tiers.
    await call('getLeaderboard', gb.GET('/leaderboard', {}));
    await call('getLeaderboard', demo.GET('/leaderboard', { params: { query: { customerId: uid('nobody') } } }));
    await call('getTierConfiguration', gb.GET('/configurations/tiers', {}));
    await call('getRewardCampaignsConfiguration', gb.GET('/configurations/reward-campaigns', {}));
    await call('getReferralConfiguration', gb.GET('/configurations/referrals', {}));
    await call('getWidgetConfiguration', gb.GET('/configurations/widget', {}));
    await call('getCashbackConfiguration', gb.GET('/configurations/rewards/cashback', {}));
    await call('getRedemptionConfiguration', gb.GET('/configurations/rewards/redemption', {}));

    expect(seen.size).toBeGreaterThanOrEqual(35);
    expect([...new Set(nulls)].sort()).toEqual([]);
  });
});
