import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import type { Account } from '../../src/accounts.js';
import type { FiredEvent } from '../../src/domain/events/fired-event.js';
import { nowIso, uid, type TestServer } from '../support/harness.js';

/** Small helpers for the referral tests, over the generated client and (for events) the domain. */
export function referralApi(server: () => TestServer, account: Account) {
  const gb = (): GameballClient => server().as(account);
  return {
    gb,
    /** Creates a customer (with a referrer code, if given) and answers its ID. */
    async signUp(referrerCode?: string, customerId = uid('cust')): Promise<string> {
      const { error } = await gb().POST('/customers', { body: { customerId, ...(referrerCode === undefined ? {} : { referrerCode }) } });
      expect(error).toBeUndefined();
      return customerId;
    },
    async profile(customerId: string) {
      const { data, error } = await gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return data!;
    },
    async codeOf(customerId: string): Promise<string> {
      return (await this.profile(customerId)).referralCode;
    },
    /** Points and score, less the SignUp campaigns' reward every customer created by signUp() got. */
    async balance(customerId: string) {
      const { data, error } = await gb().GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      const signUp = account.program.campaigns.filter((c) => c.type === 'SignUp');
      const points = signUp.reduce((sum, c) => sum + c.walletReward, 0);
      const score = signUp.reduce((sum, c) => sum + c.rankReward, 0);
      return { points: data!.totalPointsBalance - points, score: data!.score.scoreBalance - score };
    },
    async friends(customerId: string) {
      const { data, error } = await gb().GET('/customers/{customerId}/referrals', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return data!.referredFriends.map((f) => [f.customerId, f.status]);
    },
    async count(customerId: string) {
      const { data, error } = await gb().GET('/customers/{customerId}/referrals/count', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return data!;
    },
    /**
     * The customer's events through the API, one request each: `place_order` as an order of 0
     * (nothing earned, so balances show the referral rewards alone), others through POST /events.
     */
    async fire(customerId: string, events: FiredEvent[]): Promise<void> {
      for (const event of events) {
        const { response, error } =
          event.name === 'place_order'
            ? await gb().POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 0 } })
            : await gb().POST('/events', { body: { customerId, events: { [event.name]: event.metadata as never } } });
        expect([response.status, error]).toEqual([200, undefined]);
      }
    },
  };
}

export const ORDER: FiredEvent = { name: 'place_order', metadata: {} };
