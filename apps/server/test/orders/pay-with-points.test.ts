import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, timed, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';
import { ordersApi } from './orders-api.js';

describeOnStorages('paying for orders with points', (server) => {
  // demo: 3 points per 10 spent, a point worth 0.1.
  const api = () => pointsApi(server().client());
  const orders = () => ordersApi(server().client(), server().store);

  it('uses up a hold (redemption.pointsHoldReference) in the same transaction as the reward', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 500);
    const hold = (await api().hold(customerId, { pointsToHold: 100 })).data!;
    const orderId = uid('ord');
    const { data } = await orders().track({ customerId, orderId, totalPrice: 110, totalDiscount: 10, totalPaid: 100, redemption: { pointsHoldReference: hold.holdReference } });
    expect(data).toMatchObject({ redeemedPoints: 100, rewardedPoints: 30 });
    const state = await server().client().GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: hold.holdReference } } });
    expect(state.data?.state).toBe('used');
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 430, availablePointsBalance: 430 });
    const entries = await api().ledger(customerId);
    expect(entries.slice(1).map((e) => [e.type, e.direction, e.points, e.amount, e.transactionId])).toEqual([
      ['Redemption', '-', 100, 10, orderId],
      ['PaymentReward', '+', 30, 100, orderId],
    ]);
    expectConsistentLedger(entries, balance.totalPointsBalance);
    // The hold is gone: a second order cannot use it.
    expect((await orders().track({ customerId, totalPaid: 10, holdReference: hold.holdReference })).error?.code).toBe(9006);
  });

  it('accepts the legacy top-level holdReference, and refuses another customer\'s hold (9006) writing nothing', async () => {
    const owner = await api().customer();
    await api().manual(owner, 100);
    const hold = (await api().hold(owner, { pointsToHold: 40 })).data!;
    const other = await api().customer();
    const stolen = await orders().track({ customerId: other, totalPaid: 50, holdReference: hold.holdReference });
    expect([stolen.response.status, stolen.error?.code]).toEqual([404, 9006]);
    expect(await api().ledger(other)).toHaveLength(0);
    const { data } = await orders().track({ customerId: owner, totalPaid: 50, holdReference: hold.holdReference });
    expect(data).toMatchObject({ redeemedPoints: 40, rewardedPoints: 15 });
    expect((await api().balance(owner)).totalPointsBalance).toBe(75);
  });

  it('redeems ceil(redeemedAmount / factor) points directly without a hold, and 9008 when short', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 60);
    const { data } = await orders().track({ customerId, totalPaid: 20, redeemedAmount: 1.25 }); // 12.5 -> 13 points
    expect(data).toMatchObject({ redeemedPoints: 13, rewardedPoints: 6 });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(53);
    const entries = await orders().entryCount();
    const orderId = uid('ord');
    const short = await orders().track({ customerId, orderId, totalPaid: 20, redeemedAmount: 5.4 }); // 54 > 53
    expect([short.response.status, short.error?.code]).toEqual([422, 9008]);
    expect(await orders().entryCount()).toBe(entries);
    expect(await orders().orderRows(orderId)).toHaveLength(0);
    expect((await orders().transactions(orderId)).error?.code).toBe(9002);
  });

  it("keeps to the account's minimum redemption (3011) when paying by amount", async () => {
    const gb = server().as(timed); // a point worth 0.05, at least 5 points per redemption
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    await pointsApi(gb).manual(customerId, 100);
    const few = await ordersApi(gb, server().store).track({ customerId, totalPaid: 10, redeemedAmount: 0.2 }); // 4 points
    expect([few.response.status, few.error?.code]).toEqual([422, 3011]);
    const enough = await ordersApi(gb, server().store).track({ customerId, totalPaid: 10, redeemedAmount: 0.25 }); // 5 points
    expect(enough.data).toMatchObject({ redeemedPoints: 5, rewardedPoints: 10 });
    expect(await pointsApi(gb).balance(customerId)).toMatchObject({ availablePointsBalance: 95, pendingPoints: 10 });
  });

  it('keeps every stored wallet equal to its ledger', async () => {
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
