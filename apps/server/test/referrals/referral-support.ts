import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import type { Account } from '../../src/accounts.js';
import type { FiredEvent } from '../../src/domain/engagement/fired-event.js';
import { reactToEvents } from '../../src/domain/engagement/react-to-events.js';
import { withCustomer } from '../../src/domain/points/unit-of-work.js';
import { uid, type TestServer } from '../support/harness.js';

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
     * The customer's events as orders and POST /events will hand them to the engine: inside the
     * customer's unit of work (no HTTP operation fires events yet in this branch).
     */
    fire(customerId: string, events: FiredEvent[]): Promise<void> {
      const { store, clock } = server();
      return withCustomer({ store, account, clock }, { customerId }, null, (unit) => reactToEvents(unit, events));
    },
  };
}

export const ORDER: FiredEvent = { name: 'place_order', metadata: {} };
