import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, hooked, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const DAY = 86_400;

describeOnStorages("a customer's raw ledger through the reference tools", (server) => {
  it('shows each entry with its operation, points, status and the balance before and after, the Expiry entry included', async () => {
    const gb = server().as(timed);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    const earned = await api.manual(customerId, 40);
    expect(earned.error).toBeUndefined();
    const path = { customerId };
    const first = await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path } });
    expect(first.data!.entries.map((e) => [e.operation, e.type, e.direction, e.points, e.status, e.balanceBefore, e.balanceAfter])).toEqual([
      ['manual', 'ManualAccumulation', '+', 40, 'Active', 0, 40],
    ]);
    expect(first.data!.entries[0]!.expiryDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A field without a value is left out, never null.
    expect(Object.keys(first.data!.entries[0]!)).not.toContain('orderId');
    // The timed program's points expire 30 days after they became active.
    expect((await api.advance(31 * DAY)).error).toBeUndefined();
    const after = await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path } });
    expect(after.data!.entries.map((e) => [e.operation, e.type, e.direction, e.points, e.status, e.balanceBefore, e.balanceAfter])).toEqual([
      ['expiry', 'Expiry', '-', 40, 'Expired', 40, 0],
      ['manual', 'ManualAccumulation', '+', 40, 'Active', 0, 40],
    ]);
    const one = await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path, query: { limit: 1 } } });
    expect(one.data!.entries.map((e) => e.type)).toEqual(['Expiry']);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it("answers 404 for an unknown customer and for another account's", async () => {
    const gb = server().as(timed);
    const customerId = await pointsApi(gb).customer();
    const unknown = await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path: { customerId: uid('nobody') } } });
    expect([unknown.response.status, unknown.error?.code]).toEqual([404, 7000]);
    const elsewhere = await server().as(hooked).GET('/_reference/customers/{customerId}/ledger', { params: { path: { customerId } } });
    expect([elsewhere.response.status, elsewhere.error?.code]).toEqual([404, 7000]);
  });
});
