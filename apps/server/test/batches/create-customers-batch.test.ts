import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('customers in a batch', (server) => {
  // shop: a SignUp campaign gives a new customer 25 points; one's own referral code is refused (7006).
  const gb = () => server().as(shop);

  it('creates and updates profiles as createCustomer does, with their SignUp rewards; a refused item changes nothing of its customer', async () => {
    const known = uid('cust');
    await gb().POST('/customers', { body: { customerId: known, customerAttributes: { displayName: 'Before' } } });
    const { data: profile } = await gb().GET('/customers/{customerId}', { params: { path: { customerId: known } } });
    const fresh = uid('cust');
    const body = [
      { customerId: fresh, customerAttributes: { displayName: 'Ann', city: 'Cairo' } },
      { customerId: known, customerAttributes: { displayName: 'Bob' } },
      { customerId: known, referrerCode: profile!.referralCode, customerAttributes: { displayName: 'Not me' } },
    ];
    const status = await batchesApi(gb()).finished(jobIdOf(await gb().POST('/batch/customers', { body: { body } })));

    expect(status).toMatchObject({ operation: 'Customer Creation Batch Job', status: 'completed' });
    expectAllDone(status, 2, 1);
    const [created, updated] = status.response!.successful;
    expect(created).toEqual({ index: 0, customerId: fresh, message: 'Customer created', result: { gameballId: expect.any(Number) } });
    expect(updated).toEqual({ index: 1, customerId: known, message: 'Customer updated', result: { gameballId: profile!.gameballId } });
    expect(status.response!.failed).toEqual([{ index: 2, customerId: known, code: 7006, message: 'A customer cannot be referred with their own referral code.' }]);

    const details = async (customerId: string) => (await gb().GET('/customers/{customerId}/details', { params: { path: { customerId } } })).data!;
    expect(await details(fresh)).toMatchObject({ gameballId: created!.result && (created!.result as { gameballId: number }).gameballId, customerAttributes: { displayName: 'Ann', city: 'Cairo' } });
    expect((await details(known)).customerAttributes).toMatchObject({ displayName: 'Bob' });
    // The new customer's SignUp reward was given in the item's own transaction; the known one got it once, before.
    expect((await pointsApi(gb()).balance(fresh)).totalPointsBalance).toBe(25);
    expect((await pointsApi(gb()).balance(known)).totalPointsBalance).toBe(25);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
