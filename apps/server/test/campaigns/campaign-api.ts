import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { sql } from '../../src/store/sql.js';
import { shop, uid, type TestServer } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

const ACHIEVEMENTS = sql(
  `SELECT achieved_reward_campaign_id AS campaign, points, score, achievement_name AS name, transaction_id AS "transactionId"
   FROM ledger_entries WHERE account_id = ? AND customer_id = ? AND type = 'AchievementReward' AND achieved_reward_campaign_id IS NOT NULL ORDER BY id`,
);
const COUNTS = sql('SELECT (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM campaign_progress) AS progress');
const OPT_OUT = sql('UPDATE customers SET is_active = 0 WHERE account_id = ? AND customer_id = ?');
const SET_TIER = sql('UPDATE customers SET tier_order = ? WHERE account_id = ? AND customer_id = ?');

type Metadata = Record<string, string | number | boolean | null | Array<string | number | boolean | null>>;

/** The shop account's client and the few calls the campaign tests make. */
export function campaignApi(server: () => TestServer) {
  const gb = (): GameballClient => server().as(shop);
  return {
    gb,
    points: () => pointsApi(gb()),
    async customer(attributes: Record<string, unknown> = {}): Promise<string> {
      const customerId = uid('cust');
      const { error } = await gb().POST('/customers', { body: { customerId, customerAttributes: attributes } });
      expect(error).toBeUndefined();
      return customerId;
    },
    send(customerId: string, events: Record<string, Metadata>) {
      return gb().POST('/events', { body: { customerId, events } });
    },
    async sendOk(customerId: string, events: Record<string, Metadata>) {
      const { response, error } = await gb().POST('/events', { body: { customerId, events } });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
    },
    preview(customerId: string, events: Record<string, Metadata | null>, lang?: string) {
      return gb().POST('/events/reward-preview', {
        body: { customerId, events },
        ...(lang ? { params: { header: { lang } } } : {}),
      });
    },
    /** The customer's campaign achievements (AchievementReward entries of a campaign), oldest first. */
    async achievements(customerId: string) {
      const rows = await server().store.all<{ campaign: number; points: number; score: number; name: string; transactionId: string }>(
        ACHIEVEMENTS,
        [shop.id, customerId],
      );
      return rows.map((r) => ({ ...r, campaign: Number(r.campaign), points: Number(r.points), score: Number(r.score) }));
    },
    /** Campaign ids achieved, in order, leaving out the SignUp campaign every new shop customer gets. */
    async achieved(customerId: string): Promise<number[]> {
      return (await this.achievements(customerId)).map((a) => a.campaign).filter((id) => id !== 101);
    },
    async counts() {
      const row = (await server().store.get<{ entries: number; progress: number }>(COUNTS))!;
      return { entries: Number(row.entries), progress: Number(row.progress) };
    },
    /** Opts the customer out (PUT /customers/{id}/activate belongs to another area). */
    async optOut(customerId: string) {
      await server().store.run(OPT_OUT, [shop.id, customerId]);
    },
    async setTier(customerId: string, order: number) {
      await server().store.run(SET_TIER, [order, shop.id, customerId]);
    },
    async expectConsistent(customerId: string) {
      const balance = await pointsApi(gb()).balance(customerId);
      expectConsistentLedger(await pointsApi(gb()).ledger(customerId), balance.totalPointsBalance);
      expect((await verifyAllWallets(server().store)).problems).toEqual([]);
      return balance;
    },
  };
}
