import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('removing customer tags', (server) => {
  const gb = () => server().client();

  it('removes the tags named as a list or a comma list, keeps the others, and changes nothing for absent ones', async () => {
    const customerId = uid('cust');
    const path = { customerId };
    await gb().POST('/customers', { body: { customerId, customerAttributes: { tags: ['a', 'b', 'c', 'd'] } } });
    expect((await gb().DELETE('/customers/{customerId}/tags', { params: { path }, body: { tags: ['a', 'c'] } })).data).toMatchObject({ success: true });
    await gb().DELETE('/customers/{customerId}/tags', { params: { path }, body: { tags: 'd, absent' } });
    const absent = await gb().DELETE('/customers/{customerId}/tags', { params: { path }, body: { tags: 'absent' } });
    expect(absent.data).toMatchObject({ success: true });
    const { data } = await gb().GET('/customers/{customerId}', { params: { path } });
    expect(data!.customerAttributes.tags).toEqual(['b']);
    const unknown = await gb().DELETE('/customers/{customerId}/tags', { params: { path: { customerId: uid('nobody') } }, body: { tags: 'b' } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
