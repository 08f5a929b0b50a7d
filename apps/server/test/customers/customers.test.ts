import { expect, it } from 'vitest';
import { demoHsm, describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customers', (server) => {

  it('creates a customer, then reads it without and with personal data', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    const created = await gb.POST('/customers', {
      body: {
        customerId,
        email: 'top@example.com',
        customerAttributes: {
          displayName: 'Jon Snow',
          firstName: 'Jon',
          email: 'jon@example.com',
          mobile: '+1234567',
          city: 'Winterfell',
          tags: 'VIP, Platinum',
          utms: [{ source: 'news' }],
          totalSpent: 1500,
          custom: { house: 'Stark' },
        },
      },
    });
    expect(created.error).toBeUndefined();
    expect(created.data?.gameballId).toBeGreaterThan(0);

    const publicView = await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(publicView.data).toMatchObject({
      gameballId: created.data!.gameballId,
      customerId,
      customerAttributes: { city: 'Winterfell', tags: ['VIP', 'Platinum'], utMs: [{ source: 'news' }], totalSpent: 1500, custom: { house: 'Stark' } },
      isReferred: false,
    });
    // No dynamic link and no manual date: left out, never null (the reference declares strings).
    expect(publicView.data).not.toHaveProperty('dynamicReferralLink');
    expect(publicView.data!.customerAttributes).not.toHaveProperty('manualDate');
    const attributes = publicView.data!.customerAttributes as Record<string, unknown>;
    for (const personal of ['displayName', 'firstName', 'email', 'mobile']) expect(attributes).not.toHaveProperty(personal);
    expect(publicView.data!.referralCode).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(publicView.data!.referralLink).toBe(
      `https://shop.example.com/register?ReferralCode=${publicView.data!.referralCode}`,
    );

    const details = await gb.GET('/customers/{customerId}/details', { params: { path: { customerId } } });
    expect(details.data?.customerAttributes).toMatchObject({
      displayName: 'Jon Snow',
      firstName: 'Jon',
      email: 'jon@example.com',
      mobile: '+1234567',
      city: 'Winterfell',
    });
  });

  it('an update keeps the attributes it does not mention and returns the same gameballId', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    const first = await gb.POST('/customers', {
      body: { customerId, customerAttributes: { firstName: 'Arya', city: 'Braavos', custom: { a: 1 } } },
    });
    const second = await gb.POST('/customers', {
      body: { customerId, customerAttributes: { city: 'Winterfell', custom: { b: 2 } } },
    });
    expect(second.data?.gameballId).toBe(first.data?.gameballId);
    const details = await gb.GET('/customers/{customerId}/details', { params: { path: { customerId } } });
    expect(details.data?.customerAttributes).toMatchObject({ firstName: 'Arya', city: 'Winterfell', custom: { a: 1, b: 2 } });
  });

  it('refuses a standard attribute name inside custom with 422/3003 and stores nothing', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    const { error, response } = await gb.POST('/customers', {
      body: { customerId, customerAttributes: { custom: { email: 'x@example.com' } } },
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ code: 3003, type: 'PAYLOAD_ERROR' });
    const read = await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(read.response.status).toBe(404);
  });

  it('answers 404/7000 for an unknown customer on every customer read', async () => {
    const gb = server().client();
    const path = { customerId: uid('nobody') };
    const answers = await Promise.all([
      gb.GET('/customers/{customerId}', { params: { path } }),
      gb.GET('/customers/{customerId}/details', { params: { path } }),
      gb.GET('/customers/{customerId}/coupons', { params: { path } }),
      gb.GET('/customers/{customerId}/hash', { params: { path } }),
      gb.DELETE('/customers/{customerId}', { params: { path } }),
      gb.POST('/customers/{customerId}/delete', { params: { path } }),
    ]);
    for (const { error, response } of answers) {
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 7000, type: 'CUSTOMER_ERROR', documentationUrl: '/docs#section/Errors' });
      expect(error && 'requestId' in error ? error.requestId : undefined).toBe(response.headers.get('x-request-id'));
    }
  });

  it('lists no coupons for a new customer and gives a six-digit hash', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    const coupons = await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } });
    expect(coupons.data).toEqual({ coupons: [] });
    const hash = await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } });
    expect(hash.data?.hash).toMatch(/^\d{6}$/);
  });

  it('deletes with DELETE and with the POST alias; reads then answer 404, the ledger stays', async () => {
    const gb = server().client();
    for (const viaPost of [false, true]) {
      const customerId = uid('cust');
      await gb.POST('/customers', { body: { customerId } });
      const transactionId = uid('txn');
      await gb.POST('/transactions/manual', {
        body: { customerId, transactionId, transactionTime: new Date().toISOString(), username: 'admin', reason: 'welcome', points: 10 },
      });
      const path = { customerId };
      const deleted = viaPost
        ? await gb.POST('/customers/{customerId}/delete', { params: { path } })
        : await gb.DELETE('/customers/{customerId}', { params: { path } });
      expect(deleted.response.status).toBe(200);
      const read = await gb.GET('/customers/{customerId}', { params: { path } });
      expect(read.error?.code).toBe(7000);
      const again = await gb.DELETE('/customers/{customerId}', { params: { path } });
      expect(again.error?.code).toBe(7000);
      const history = await gb.GET('/transactions', { params: { query: { customerId } } });
      expect(history.data?.transactions.map((t) => t.transactionId)).toEqual([transactionId]);
    }
  });

  it('keeps each account\'s customers to itself', async () => {
    const customerId = uid('cust');
    await server().client().POST('/customers', { body: { customerId } });
    const other = server().client({ apiKey: demoHsm.apiKey, secretKey: demoHsm.secretKey });
    const read = await other.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(read.error?.code).toBe(7000);
  });
});
