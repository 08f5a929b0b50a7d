import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';

describeOnStorages('customers', (server) => {
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
});
