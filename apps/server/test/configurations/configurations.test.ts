import { describe, expect, it } from 'vitest';
import { accountDirectory, loadAccountsFile } from '../../src/accounts.js';
import { DEFAULT_ACCOUNTS_FILE } from '../../src/config.js';
import { demo, timed, uid, serverForTests } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describe('program configuration, customer view and the test clock', () => {
  const server = serverForTests('sqlite');

  it('serves the cashback rule on the current and the older path, with the apikey alone', async () => {
    const gb = server().client({ apiKey: demo.apiKey });
    const current = await gb.GET('/configurations/rewards/cashback');
    const older = await gb.GET('/configurations/cashback');
    const expected = { rewardFactor: 0.03, amountRewardThreshold: 10, rewardWalletFactor: 3, rewardRankFactor: 1, enabled: true, returnWindow: 0 };
    expect(current.data).toEqual(expected);
    expect(older.data).toEqual(expected);
  });

  it('serves the redemption settings of each account', async () => {
    const gb = server().client({ apiKey: timed.apiKey });
    const current = await gb.GET('/configurations/rewards/redemption');
    const older = await gb.GET('/configurations/redemption');
    expect(current.data).toEqual({
      redemptionFactor: 0.05,
      minRedeemPoints: 5,
      currency: 'USD',
      holdMinutes: 2,
      pointsExpiry: { after: 30, unit: 'days' },
      otpRequired: false,
      hashRequired: false,
      redemptionRules: [],
    });
    expect(older.data).toEqual(current.data);
  });

  it('lists transactions with the customer\'s name, email and deletion', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId, email: 'arya@example.com', customerAttributes: { firstName: 'Arya', lastName: 'Stark' } } });
    await pointsApi(gb).manual(customerId, 5);
    await gb.DELETE('/customers/{customerId}', { params: { path: { customerId } } });
    const { data } = await gb.GET('/transactions/customer-view', { params: { query: { customerId } } });
    expect(data?.transactions).toMatchObject([
      { customerId, customerName: 'Arya Stark', customerEmail: 'arya@example.com', isCustomerDeleted: true, points: 5 },
    ]);
  });

  it('moves the clock forward only, by seconds or to an instant', async () => {
    const gb = server().client();
    const before = (await gb.GET('/_reference/clock')).data!;
    const later = await gb.POST('/_reference/clock', { body: { advanceSeconds: 3600 } });
    expect(later.data!.offsetSeconds).toBe(before.offsetSeconds + 3600);
    const target = new Date(Date.parse(later.data!.now) + 86_400_000).toISOString();
    const moved = await gb.POST('/_reference/clock', { body: { to: target } });
    expect(Date.parse(moved.data!.now)).toBeGreaterThanOrEqual(Date.parse(target));
    const back = await gb.POST('/_reference/clock', { body: { to: before.now } });
    expect(back.error?.code).toBe(3003);
    const both = await gb.POST('/_reference/clock', { body: { advanceSeconds: 1, to: target } });
    expect(both.error?.code).toBe(3003);
  });

  it('ships accounts whose reference tools are off, so the test clock answers 404 there', async () => {
    const shipped = loadAccountsFile(DEFAULT_ACCOUNTS_FILE);
    expect(shipped.referenceTools).toBe(false);
    expect(accountDirectory(shipped.accounts).byApiKey('demo_apikey')?.program.pointsExpiry).toEqual({ after: 365, unit: 'days' });
  });

  it('stops the test clock at the year 9000 with 422/3003, so every stored date keeps four digits', async () => {
    const gb = server().client();
    const far = await gb.POST('/_reference/clock', { body: { to: '9000-01-01T00:00:01Z' } });
    expect(far.error).toMatchObject({ code: 3003 });
    for (let n = 0; n < 3; n++) expect((await gb.POST('/_reference/clock', { body: { advanceSeconds: 3_153_600_000 } })).response.status).toBe(200);
    expect((await gb.GET('/_reference/clock')).data?.now).toMatch(/^2[0-9]{3}-/);
  });
});
