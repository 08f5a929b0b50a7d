import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { sql } from '../../src/store/sql.js';
import { climb, describeOnStorages, shop } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

const SET_SPENT = sql('UPDATE customers SET amount_spent = ? WHERE account_id = ? AND customer_id = ?');

describeOnStorages('VIP tier upgrades', (server) => {
  const api = () => pointsApi(server().as(climb));
  const tierEntries = (entries: Awaited<ReturnType<ReturnType<typeof api>['ledger']>>) =>
    entries.filter((e) => e.achievedTierId !== undefined).map((e) => [e.type, e.direction, e.points, e.achievedTierId, e.achievementName]);

  it('crossing two thresholds with one operation grants both entry rewards once, lowest first', async () => {
    const customerId = await api().customer();
    expect((await api().manual(customerId, 400)).response.status).toBe(200);
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => e.type)).toEqual(['ManualAccumulation', 'AchievementReward', 'AchievementReward']);
    expect(tierEntries(entries)).toEqual([
      ['AchievementReward', '+', 50, 12, 'Silver'],
      ['AchievementReward', '+', 100, 13, 'Gold'],
    ]);
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 550, totalEarnedPoints: 550, score: { scoreBalance: 15 } });
    expectConsistentLedger(entries, balance.totalPointsBalance);
    // A later operation inside Gold grants nothing again.
    await api().manual(customerId, 10);
    expect(tierEntries(await api().ledger(customerId))).toHaveLength(2);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('an entry reward that lifts progress past the next threshold grants that tier too', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 250); // 250 -> Silver (+50) = 300 -> Gold (+100) = 400
    const progress = await server().as(climb).GET('/customers/{customerId}/tier-progress', { params: { path: { customerId } } });
    expect(progress.data).toEqual({
      current: { order: 3, name: 'Gold', minProgress: 300, icon: 'https://cdn.example.com/climb/gold.png' },
      next: { order: 4, name: 'Platinum', minProgress: 1000, icon: 'https://cdn.example.com/climb/platinum.png' },
      progress: 400,
    });
    expect(tierEntries(await api().ledger(customerId)).map((e) => e[3])).toEqual([12, 13]);
  });

  it('two operations racing across the thresholds still grant each entry reward once', async () => {
    const customerId = await api().customer();
    // Each of these alone crosses Silver and Gold; whichever commits second must grant nothing.
    const results = await Promise.all([api().cashback(customerId, 350), api().manual(customerId, 350)]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200]);
    const entries = await api().ledger(customerId);
    expect(tierEntries(entries)).toEqual([
      ['AchievementReward', '+', 50, 12, 'Silver'],
      ['AchievementReward', '+', 100, 13, 'Gold'],
    ]);
    const balance = await api().balance(customerId);
    expect(balance.totalPointsBalance).toBe(700 + 150);
    expect(balance.score.scoreBalance).toBe(350 + 15);
    expectConsistentLedger(entries, balance.totalPointsBalance);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('the top tier earns cashback by its own rule once reached, and the reply shows those points', async () => {
    const customerId = await api().customer();
    const before = await api().cashback(customerId, 10);
    expect(before.data?.rewardEquivalentPoints).toBe(10);
    await api().manual(customerId, 1000); // Silver, Gold and Platinum: 1010 + 50 + 100 + 200
    const after = await api().cashback(customerId, 10);
    expect(after.data).toMatchObject({ rewardEquivalentPoints: 30, rewardAmount: 3 });
    const entries = await api().ledger(customerId);
    expect(tierEntries(entries).map((e) => e[3])).toEqual([12, 13, 14]);
    expect(entries.at(-1)).toMatchObject({ type: 'PaymentReward', points: 30 });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(1010 + 350 + 30);
  });

  it('on the shop account (by amount spent) the next operation lifts a customer whose spending passed two thresholds', async () => {
    const gb = server().as(shop);
    const shopApi = pointsApi(gb);
    const customerId = await shopApi.customer();
    const path = { params: { path: { customerId } } };
    expect((await gb.GET('/customers/{customerId}/tier-progress', path)).data).toMatchObject({ current: { name: 'Bronze' }, next: { name: 'Silver' }, progress: 0 });
    // Orders keep amount_spent; until they land here, write it as an order would.
    await server().store.run(SET_SPENT, ['2150.50', shop.id, customerId]);
    await shopApi.cashback(customerId, 10); // earns by the account's rule: 10 points; then Silver, Gold, Platinum
    const entries = await shopApi.ledger(customerId);
    expect(entries.map((e) => [e.type, e.points, e.achievedTierId])).toEqual([
      ['AchievementReward', 25, undefined], // the SignUp campaign: no tier
      ['PaymentReward', 10, undefined],
      ['AchievementReward', 50, 2],
      ['AchievementReward', 200, 3],
      ['AchievementReward', 500, 4],
    ]);
    expect((await gb.GET('/customers/{customerId}/tier-progress', path)).data).toEqual({
      current: { order: 4, name: 'Platinum', minProgress: 2000, icon: 'https://cdn.example.com/tiers/platinum.png' },
      progress: 2150.5, // no next tier at the top: left out, not null
    });
    // Platinum earns 2 points per 1.
    expect((await shopApi.cashback(customerId, 10)).data?.rewardEquivalentPoints).toBe(20);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
