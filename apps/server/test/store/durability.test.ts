import { describe, expect, it } from 'vitest';
import { freshStorage, nowIso, startServer, storages, uid } from '../support/harness.js';

describe.each(storages)('durability on %s', (kind) => {
  it('keeps customers and the ledger across a restart', async () => {
    const location = await freshStorage(kind);
    const customerId = uid('cust');
    const transactionId = uid('txn');
    const first = await startServer(location);
    const created = await first.client().POST('/customers', { body: { customerId, customerAttributes: { city: 'Oldtown' } } });
    await first.client().POST('/transactions/manual', {
      body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'kept', points: 42 },
    });
    await first.close();

    const second = await startServer(location);
    try {
      const read = await second.client().GET('/customers/{customerId}', { params: { path: { customerId } } });
      expect(read.data).toMatchObject({ gameballId: created.data!.gameballId, customerAttributes: { city: 'Oldtown' } });
      const ledger = await second.client().GET('/transactions', { params: { query: { customerId } } });
      expect(ledger.data?.transactions).toMatchObject([{ transactionId, points: 42, pointsBalanceAfter: 42 }]);
      const reused = await second.client().POST('/transactions/manual', {
        body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'again', points: 1 },
      });
      expect(reused.error?.code).toBe(9004);
    } finally {
      await second.close();
      await location.drop();
    }
  });
});
