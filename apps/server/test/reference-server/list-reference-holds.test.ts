import { expect, it } from 'vitest';
import { describeOnStorages, hooked, timed } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages("the account's holds through the reference tools", (server) => {
  it('lists holds newest first with points and state, an active one past its expiry as expired, and filters by customer', async () => {
    const gb = server().as(timed);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    expect((await api.manual(customerId, 100)).error).toBeUndefined();
    const first = await api.hold(customerId, { pointsToHold: 30 });
    expect(first.error).toBeUndefined();
    const second = await api.hold(customerId, { pointsToHold: 20 });
    const released = await gb.DELETE('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: second.data!.holdReference } } });
    expect(released.error).toBeUndefined();
    const mine = async () => (await gb.GET('/_reference/holds', { params: { query: { customerId } } })).data!.holds;
    expect((await mine()).map((h) => [h.holdReference, h.customerId, h.points, h.state])).toEqual([
      [second.data!.holdReference, customerId, 20, 'released'],
      [first.data!.holdReference, customerId, 30, 'active'],
    ]);
    // An open hold has no closedAt: the field is left out, never null.
    expect(Object.keys((await mine())[1]!)).not.toContain('closedAt');
    // The timed program's holds last 2 minutes.
    expect((await api.advance(180)).error).toBeUndefined();
    expect((await mine()).map((h) => [h.state, typeof h.closedAt])).toEqual([['released', 'string'], ['expired', 'string']]);
    const other = await api.customer();
    expect((await api.manual(other, 10)).error).toBeUndefined();
    expect((await api.hold(other, { pointsToHold: 5 })).error).toBeUndefined();
    const all = (await gb.GET('/_reference/holds', { params: { query: { limit: 1 } } })).data!.holds;
    expect(all.map((h) => [h.customerId, h.points])).toEqual([[other, 5]]);
  });

  it("never lists another account's holds", async () => {
    const gb = server().as(timed);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    expect((await api.manual(customerId, 10)).error).toBeUndefined();
    expect((await api.hold(customerId, { pointsToHold: 5 })).error).toBeUndefined();
    const elsewhere = await server().as(hooked).GET('/_reference/holds', { params: { query: { customerId } } });
    expect(elsewhere.data!.holds).toEqual([]);
  });
});
