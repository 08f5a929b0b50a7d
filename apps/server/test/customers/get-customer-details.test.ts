import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customer details', (server) => {
  it('shows the personal data the public profile leaves out, the top-level email and mobile filling in for missing attributes', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', {
      body: { customerId, email: 'sansa@example.com', mobile: '+201000000', customerAttributes: { firstName: 'Sansa', city: 'Winterfell' } },
    });
    const path = { customerId };
    const details = await gb.GET('/customers/{customerId}/details', { params: { path } });
    expect(details.data).toMatchObject({
      customerId,
      customerAttributes: { firstName: 'Sansa', city: 'Winterfell', email: 'sansa@example.com', mobile: '+201000000' },
    });
    const publicView = await gb.GET('/customers/{customerId}', { params: { path } });
    expect(publicView.data!.customerAttributes).toMatchObject({ city: 'Winterfell' });
    for (const personal of ['firstName', 'email', 'mobile']) expect(publicView.data!.customerAttributes).not.toHaveProperty(personal);
    const unknown = await gb.GET('/customers/{customerId}/details', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
