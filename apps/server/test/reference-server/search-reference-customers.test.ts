import { expect, it } from 'vitest';
import { describeOnStorages, hooked, uid } from '../support/harness.js';

describeOnStorages('finding customers through the reference tools', (server) => {
  it('finds a customer by its ID, its email in any case or its mobile, and lists the newest without a query', async () => {
    const gb = server().client();
    const customerId = uid('find');
    const email = `${customerId}@Example.com`;
    const mobile = `+2010${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
    const created = await gb.POST('/customers', { body: { customerId, email, mobile, customerAttributes: { displayName: 'Jane Finder' } } });
    expect(created.error).toBeUndefined();
    const other = uid('other');
    expect((await gb.POST('/customers', { body: { customerId: other } })).error).toBeUndefined();
    for (const q of [customerId, email.toUpperCase(), mobile]) {
      const { data, error } = await gb.GET('/_reference/customers', { params: { query: { q } } });
      expect(error).toBeUndefined();
      expect(data!.customers.map((c) => [c.customerId, c.email, c.mobile, c.displayName])).toEqual([[customerId, email, mobile, 'Jane Finder']]);
    }
    const newest = await gb.GET('/_reference/customers', { params: { query: { limit: 2 } } });
    expect(newest.data!.customers.map((c) => c.customerId)).toEqual([other, customerId]);
    // A customer without email, mobile or name: those fields are left out, never null.
    expect(Object.keys(newest.data!.customers[0]!).sort()).toEqual(['createdAt', 'customerId', 'gameballId']);
    expect((await gb.GET('/_reference/customers', { params: { query: { q: uid('nobody') } } })).data!.customers).toEqual([]);
  });

  it("never finds another account's customers, and needs the secret key", async () => {
    const gb = server().client();
    const customerId = uid('mine');
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    const elsewhere = await server().as(hooked).GET('/_reference/customers', { params: { query: { q: customerId } } });
    expect(elsewhere.data!.customers).toEqual([]);
    const noSecret = await server().client({ apiKey: 'demo_apikey' }).GET('/_reference/customers', { params: { query: {} } });
    expect(noSecret.response.status).toBe(401);
  });
});
