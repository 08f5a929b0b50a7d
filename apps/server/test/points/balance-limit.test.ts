import { expect, it } from 'vitest';
import { createCustomer } from '../../src/use-cases/customers/create-customer.js';
import { verifyCustomer } from '../../src/domain/points/verify.js';
import { MAX_BALANCE, MAX_POINTS } from '../../src/domain/shared/limits.js';
import { createManualTransaction } from '../../src/use-cases/transactions/create-manual-transaction.js';
import { demo, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('the balance limit', (server) => {
  it('refuses an earning past 10^15 points with 422/3011 and writes nothing; every figure stays exact', { timeout: 120_000 }, async () => {
    const scope = { store: server().store, account: demo, clock: server().clock };
    const customerId = uid('rich');
    const { gameballId } = await createCustomer(scope, { customerId });
    // 1,000 of the largest transactions fill the wallet to the limit exactly (straight through the domain, for speed).
    for (let n = 0; n < MAX_BALANCE / MAX_POINTS; n++) {
      await createManualTransaction(scope, { customerId, transactionId: `fill-${n}`, transactionTime: new Date().toISOString(), username: 'test', reason: 'fill', points: MAX_POINTS });
    }
    const api = pointsApi(server().client());
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: MAX_BALANCE, availablePointsBalance: MAX_BALANCE, totalPointsValue: MAX_BALANCE / 10 });

    const manual = await api.manual(customerId, 1);
    expect(manual.response.status).toBe(422);
    expect(manual.error).toMatchObject({ code: 3011, type: 'PAYLOAD_ERROR' });
    expect((await api.cashback(customerId, 100)).error?.code).toBe(3011);
    const count = await server().client().GET('/transactions/count', { params: { query: { customerId } } });
    expect(count.data?.count).toBe(MAX_BALANCE / MAX_POINTS);

    // Spending makes room again, and the ledger still chains exactly at the top.
    expect((await api.redeem(customerId, { points: 7 })).response.status).toBe(200);
    expect((await api.manual(customerId, 7)).response.status).toBe(200);
    const ledger = await api.ledger(customerId);
    expect(ledger.at(-1)).toMatchObject({ pointsBalanceBefore: MAX_BALANCE - 7, pointsBalanceAfter: MAX_BALANCE });
    expect(await verifyCustomer(server().store, gameballId)).toEqual([]);
  });
});
