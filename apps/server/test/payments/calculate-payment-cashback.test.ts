import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { ordersApi } from '../orders/orders-api.js';
import { SERVICES } from './payments-api.js';

describeOnStorages('payments', (server) => {
  // demo: 3 points (1 score) per 10 spent, a point worth 0.1.
  const store = () => ordersApi(server().client(), server().store);
  const services = SERVICES;

  it('quotes what trackPayment rewards without writing anything or creating the customer', async () => {
    const customerId = uid('cust');
    const keyOnly = server().client({ apiKey: 'demo_apikey' });
    const { data } = await keyOnly.POST('/payments/cashback', { body: { customerId, totalPaid: 114, paymentDetails: services } });
    expect(data).toMatchObject({
      totalPoints: 34,
      totalScore: 11,
      paymentDetails: [
        { serviceId: 'power', quantity: 1, totalPoints: 22, totalDecimalPoints: 22.2, rewardWalletFactor: 0.3, campaignId: null, campaignImpactPoints: 0 },
        { serviceId: 'topup', quantity: 1, totalPoints: 12 },
      ],
    });
    expect(await store().customerRow(customerId)).toBeUndefined();
    const bad = await keyOnly.POST('/payments/cashback', { body: { totalPaid: 10, paymentDetails: [{ serviceId: 'x', amount: -3 }] } });
    expect(bad.error?.code).toBe(3003);
  });
});
