import { expect } from 'vitest';
import { nowIso, uid, type TestServer } from '../support/harness.js';

/** The demo account's manual transactions and ledger, for the transaction tests. */
export function transactionsApi(server: () => TestServer) {
  return {
    async newCustomer(): Promise<string> {
      const customerId = uid('cust');
      const { error } = await server().client().POST('/customers', { body: { customerId } });
      expect(error).toBeUndefined();
      return customerId;
    },
    manual(customerId: string, points: number, transactionId = uid('txn'), extra: Record<string, unknown> = {}) {
      return server().client().POST('/transactions/manual', {
        body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'adjustment', points, ...extra },
      });
    },
    async ledger(customerId: string) {
      const { data, error } = await server().client().GET('/transactions', { params: { query: { customerId, limit: 200 } } });
      expect(error).toBeUndefined();
      return data!.transactions;
    },
    holdOf(holdReferenceId: string) {
      return server().client().GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId } } });
    },
    release(holdReferenceId: string) {
      return server().client().DELETE('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId } } });
    },
  };
}
