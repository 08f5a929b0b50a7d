import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('removing one customer tag', (server) => {
  const gb = () => server().client();

  it('removes the tag named in the path only; removing it again changes nothing', async () => {
    const customerId = uid('cust');
    await gb().POST('/customers', { body: { customerId, customerAttributes: { tags: ['vip', 'summer'] } } });
    const tag = { customerId, tag: 'vip' };
    expect((await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: tag } })).data).toMatchObject({ success: true });
    expect((await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: tag } })).data).toMatchObject({ success: true });
    const { data } = await gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(data!.customerAttributes.tags).toEqual(['summer']);
    const unknown = await gb().DELETE('/customers/{customerId}/tags/{tag}', { params: { path: { customerId: uid('nobody'), tag: 'vip' } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
