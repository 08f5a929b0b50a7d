import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('customer tags', (server) => {
  const gb = () => server().client();
  const tagsOf = async (customerId: string) => {
    const { data } = await gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    return data!.customerAttributes.tags;
  };

  it('adds and removes tags given as a comma list or a list; duplicates and absent tags change nothing', async () => {
    const customerId = await pointsApi(gb()).customer();
    const path = { customerId };
    const added = await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: 'vip, newsletter' } });
    expect(added.data).toMatchObject({ success: true });
    expect(await tagsOf(customerId)).toEqual(['vip', 'newsletter']);
    await gb().POST('/customers/{customerId}/tags', { params: { path }, body: { tags: ['newsletter', 'summer', 'summer'] } });
    expect(await tagsOf(customerId)).toEqual(['vip', 'newsletter', 'summer']);
    const removed = await gb().DELETE('/customers/{customerId}/tags', { params: { path }, body: { tags: 'vip,  absent' } });
    expect(removed.data).toMatchObject({ success: true });
    expect(await tagsOf(customerId)).toEqual(['newsletter', 'summer']);
    await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: { customerId, tag: 'summer' } } });
    expect(await tagsOf(customerId)).toEqual(['newsletter']);
    const noop = await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: { customerId, tag: 'summer' } } });
    expect(noop.data).toMatchObject({ success: true });
    expect(await tagsOf(customerId)).toEqual(['newsletter']);
  });

  it('keeps the other attributes, refuses empty tags (3003), unknown customers (7000) and a missing secret (1001)', async () => {
    const customerId = uid('cust');
    await gb().POST('/customers', { body: { customerId, customerAttributes: { city: 'Giza', tags: ['old'] } } });
    await gb().POST('/customers/{customerId}/tags', { params: { path: { customerId } }, body: { tags: 'new' } });
    const { data } = await gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(data!.customerAttributes).toMatchObject({ city: 'Giza', tags: ['old', 'new'] });
    const empty = await gb().POST('/customers/{customerId}/tags', { params: { path: { customerId } }, body: { tags: ' , ' } });
    expect(empty.error).toMatchObject({ code: 3003 });
    const unknown = await gb().POST('/customers/{customerId}/tags', { params: { path: { customerId: uid('nobody') } }, body: { tags: 'x' } });
    expect(unknown.error).toMatchObject({ code: 7000 });
    const noSecret = await server().client({ apiKey: 'demo_apikey' }).POST('/customers/{customerId}/tags', { params: { path: { customerId } }, body: { tags: 'x' } });
    expect(noSecret.error).toMatchObject({ code: 1001 });
    expect(await tagsOf(customerId)).toEqual(['old', 'new']);
  });
});
