import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, uid } from '../support/harness.js';
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

  it('takes redeemedAmount as a discount given elsewhere: a customer without points is tracked and spends nothing', async () => {
    // The coupons UI tutorial's shape: the coupon's discount as redeemedAmount, holdReference null.
    const customerId = await api().customer();
    const orderId = uid('ord');
    const { data, error, response } = await orders().track({
      customerId, orderId, totalPrice: 76.75, totalDiscount: 11.75, totalPaid: 65, redeemedAmount: 11.75, holdReference: null,
    });
    expect([response.status, error]).toEqual([200, undefined]);
    expect(data).toMatchObject({ redeemedPoints: 0, rewardedPoints: 19 }); // 3 points per 10 of the 65 paid
    expect(await orders().orderRows(orderId)).toMatchObject([{ redeemed_points: 0, rewarded_points: 19 }]);
    expect((await api().ledger(customerId)).map((e) => [e.type, e.points])).toEqual([['PaymentReward', 19]]);
  });

  it('never debits points for redeemedAmount: a customer with 500 points keeps them all', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 500);
    const orderId = uid('ord');
    // $20 of points redeemed through a POS outside Gameball, already inside totalDiscount.
    const { data } = await orders().track({ customerId, orderId, totalPrice: 140, totalDiscount: 20, totalPaid: 120, redeemedAmount: 20 });
    expect(data).toMatchObject({ redeemedPoints: 0, rewardedPoints: 36 });
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 536, availablePointsBalance: 536 });
    expect((await api().ledger(customerId)).map((e) => e.type)).toEqual(['ManualAccumulation', 'PaymentReward']);
  });

  it('spends only the hold when an order carries both a hold and redeemedAmount', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 300);
    const hold = (await api().hold(customerId, { pointsToHold: 50 })).data!;
    const { data } = await orders().track({
      customerId, totalPrice: 115, totalDiscount: 15, totalPaid: 100, redeemedAmount: 15, redemption: { pointsHoldReference: hold.holdReference },
    });
    expect(data).toMatchObject({ redeemedPoints: 50, rewardedPoints: 30 });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(280);
  });

  it('refuses (9008) an order paid with a hold whose points a cancelled reward took meanwhile, and writes nothing', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 10);
    const reward = uid('pay');
    expect((await api().cashback(customerId, 100, reward)).response.status).toBe(200); // 30 points
    const hold = (await api().hold(customerId, { pointsToHold: 40 })).data!;
    // The payment is refunded after the hold was placed: its Cancel takes its 30 points back.
    expect((await api().refund(customerId, reward)).response.status).toBe(200);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 10, heldPoints: 40 });
    const before = await api().ledger(customerId);
    const orderId = uid('ord');
    const paid = await orders().track({ customerId, orderId, totalPaid: 50, redemption: { pointsHoldReference: hold.holdReference } });
    expect([paid.response.status, paid.error?.code]).toEqual([422, 9008]);
    expect(await api().ledger(customerId)).toEqual(before);
    expect(await orders().orderRows(orderId)).toEqual([]);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 10, heldPoints: 40 });
    const state = await server().client().GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: hold.holdReference } } });
    expect(state.data?.state).toBe('active');
  });

  it('keeps every stored wallet equal to its ledger', async () => {
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
