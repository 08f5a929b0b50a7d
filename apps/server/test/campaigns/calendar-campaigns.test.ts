import { expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { calendar, describeOnStorages, uid } from '../support/harness.js';

const DAY = 86_400_000;
const ENTRIES = sql(
  "SELECT achieved_reward_campaign_id AS campaign, points FROM ledger_entries WHERE account_id = ? AND customer_id = ? AND type = 'AchievementReward' ORDER BY id",
);

describeOnStorages('birthday and anniversary campaigns', (server) => {
  const gb = () => server().as(calendar);
  const achieved = async (customerId: string) =>
    (await server().store.all<{ campaign: number; points: number }>(ENTRIES, [calendar.id, customerId])).map((r) => Number(r.campaign));
  /** Moves the test clock to `at` and runs the sweeper. */
  const moveTo = async (at: Date) => {
    server().clock.advance(at.getTime() - server().clock.now().getTime());
    await server().jobs.runOnce();
  };

  it('the sweeper gives the Birthday reward on the customer\'s birthday, once a year', async () => {
    const tomorrow = new Date(Date.parse(server().clock.now().toISOString().slice(0, 10)) + DAY);
    const birthday = `1990-${tomorrow.toISOString().slice(5, 10)}`;
    const customerId = uid('bday');
    const other = uid('other');
    await gb().POST('/customers', { body: { customerId, customerAttributes: { dateOfBirth: birthday } } });
    await gb().POST('/customers', { body: { customerId: other, customerAttributes: { dateOfBirth: '1990-01-01' === birthday ? '1990-06-15' : '1990-01-01' } } });
    await server().jobs.runOnce();
    expect(await achieved(customerId)).toEqual([]);
    await moveTo(new Date(tomorrow.getTime() + 3600_000));
    await server().jobs.runOnce();
    await moveTo(new Date(tomorrow.getTime() + 7200_000));
    expect(await achieved(customerId)).toEqual([160]);
    expect(await achieved(other)).toEqual([]);
    const balance = await gb().GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    expect(balance.data!.totalPointsBalance).toBe(50);
  });

  it('the Anniversary reward comes on the join date, from the first year on', async () => {
    const tomorrow = new Date(Date.parse(server().clock.now().toISOString().slice(0, 10)) + DAY);
    const yearAgo = `${tomorrow.getUTCFullYear() - 1}-${tomorrow.toISOString().slice(5, 10)}`;
    const veteran = uid('vet');
    await gb().POST('/customers', { body: { customerId: veteran, customerAttributes: { joinDate: yearAgo } } });
    const newcomer = uid('new'); // joined today: no anniversary tomorrow
    await gb().POST('/customers', { body: { customerId: newcomer } });
    await moveTo(new Date(tomorrow.getTime() + 3600_000));
    expect(await achieved(veteran)).toEqual([161]);
    expect(await achieved(newcomer)).toEqual([]);
  });
});
