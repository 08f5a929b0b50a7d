import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('events in a batch', (server) => {
  // shop: a new customer's SignUp campaign (25), and a review of 4 stars or more earns 10, at most twice a day.
  const gb = () => server().as(shop);

  it('tracks each customer\'s events as trackEvents does, with the campaigns they earn: the same as sending them one by one', async () => {
    const api = pointsApi(gb());
    const [inBatch, oneByOne] = [uid('cust'), uid('cust')];
    const events: Array<Record<string, Record<string, number | string>>> = [{ review_submitted: { rating: 5 } }, { review_submitted: { rating: 2 } }, { review_submitted: { rating: 4 }, wishlist_add: { sku: 'A1' } }, { review_submitted: { rating: 5 } }];
    const status = await batchesApi(gb()).finished(
      jobIdOf(await gb().POST('/batch/events', { body: { body: events.map((e) => ({ customerId: inBatch, events: e })) } })),
    );
    for (const e of events) expect((await gb().POST('/events', { body: { customerId: oneByOne, events: e } })).error).toBeUndefined();

    expect(status).toMatchObject({ operation: 'Send Events Batch Job', status: 'completed' });
    expectAllDone(status, 4, 0);
    expect(status.response!.successful[2]).toEqual({ index: 2, customerId: inBatch, message: '2 events recorded.', result: { success: true, message: '2 events recorded.' } });
    const batched = await api.balance(inBatch);
    expect(batched.totalPointsBalance).toBe(25 + 20);
    expect(batched).toEqual(await api.balance(oneByOne));
    const kinds = async (customerId: string) => (await api.ledger(customerId)).map((e) => [e.type, e.points, e.achievementName]);
    expect(await kinds(inBatch)).toEqual(await kinds(oneByOne));
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
