import { expect, it } from 'vitest';
import { describeOnStorages, hooked, uid } from '../support/harness.js';
import { batchesApi, jobIdOf } from '../batches/batches-api.js';

describeOnStorages("the account's batches through the reference tools", (server) => {
  it('lists batches newest first with kind and item count, each one readable with getBatchStatus', async () => {
    const gb = server().client();
    const customers = await gb.POST('/batch/customers', { body: { body: [{ customerId: uid('b1') }, { customerId: uid('b2') }] } });
    const first = jobIdOf(customers);
    const second = jobIdOf(await gb.POST('/batch/customers', { body: { body: [{ customerId: uid('b3') }] } }));
    const { data, error } = await gb.GET('/_reference/batches', { params: { query: { limit: 2 } } });
    expect(error).toBeUndefined();
    expect(data!.batches.map((b) => [b.batchId, b.itemCount])).toEqual([
      [String(second), 1],
      [String(first), 2],
    ]);
    expect(data!.batches[0]!.kind).toBeTruthy();
    const status = await batchesApi(gb).finished(first);
    expect(status.status).toBe('completed');
    const elsewhere = await server().as(hooked).GET('/_reference/batches', { params: { query: {} } });
    expect(elsewhere.data!.batches).toEqual([]);
  });
});
