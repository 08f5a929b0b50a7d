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

  it('keeps each account\'s customers to itself', async () => {
    const customerId = uid('cust');
    await server().client().POST('/customers', { body: { customerId } });
    const other = server().client({ apiKey: demoHsm.apiKey, secretKey: demoHsm.secretKey });
    const read = await other.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(read.error?.code).toBe(7000);
  });
});
