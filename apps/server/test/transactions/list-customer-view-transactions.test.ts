import { describe, expect, it } from 'vitest';
import { uid, serverForTests } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describe('program configuration, customer view and the test clock', () => {
  const server = serverForTests('sqlite');

  it('lists transactions with the customer\'s name, email and deletion', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId, email: 'arya@example.com', customerAttributes: { firstName: 'Arya', lastName: 'Stark' } } });
    await pointsApi(gb).manual(customerId, 5);
    await gb.DELETE('/customers/{customerId}', { params: { path: { customerId } } });
    const { data } = await gb.GET('/transactions/customer-view', { params: { query: { customerId } } });
    expect(data?.transactions).toMatchObject([
      { customerId, customerName: 'Arya Stark', customerEmail: 'arya@example.com', isCustomerDeleted: true, points: 5 },
    ]);
  });
});
