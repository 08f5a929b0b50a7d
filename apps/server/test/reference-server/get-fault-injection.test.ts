import { expect, it } from 'vitest';
import { describeOnStorages, secure } from '../support/harness.js';

describeOnStorages('reading the injected faults', (server) => {
  it('answers an empty list, then the faults as set with the requests each will still hit, for this account only', async () => {
    const gb = server().client();
    expect((await gb.GET('/_reference/faults')).data).toEqual({ faults: [] });
    await gb.PUT('/_reference/faults', {
      body: { faults: [{ operationIds: ['getCustomer', 'listTransactions'], status: 429, retryAfterSeconds: 3, count: 4 }, { latencyMs: 5, ratio: 0.25 }] },
    });
    expect((await gb.GET('/_reference/faults')).data).toEqual({
      faults: [
        { operationIds: ['getCustomer', 'listTransactions'], status: 429, retryAfterSeconds: 3, count: 4, remaining: 4 },
        { latencyMs: 5, ratio: 0.25 },
      ],
    });
    await gb.GET('/customers/{customerId}', { params: { path: { customerId: 'nobody' } } });
    expect((await gb.GET('/_reference/faults')).data!.faults[0]!.remaining).toBe(3);
    expect((await server().as(secure).GET('/_reference/faults')).data).toEqual({ faults: [] });
    await gb.DELETE('/_reference/faults');
  });
});
