import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts.js';
import { createCustomer } from '../../src/use-cases/customers/create-customer.js';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { REWARD_ATTEMPTS } from '../../src/domain/referrals/referral-store.js';
import { MAX_BALANCE, MAX_POINTS } from '../../src/domain/shared/limits.js';
import { createManualTransaction } from '../../src/use-cases/transactions/create-manual-transaction.js';
import { JOBS } from '../../src/jobs/index.js';
import { jobRunner } from '../../src/jobs/runner.js';
import { settleWallets } from '../../src/jobs/settle-wallets.js';
import { sql } from '../../src/store/sql.js';
import { accounts, calendar, freshStorage, shop, startServer, storages, timed, uid, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const DAY_MS = 86_400_000;
const REFERRAL = sql(
  `SELECT r.referrer_reward AS state, r.referrer_reward_attempts AS attempts FROM referrals r
   JOIN customers c ON c.id = r.friend_pk WHERE c.account_id = ? AND c.customer_id = ?`,
);
const MAKE_DUE = sql(
  "UPDATE referrals SET status = 'Active', activated_at = ?, referrer_reward = 'due' WHERE friend_pk = (SELECT id FROM customers WHERE account_id = ? AND customer_id = ?)",
);
const ENTRY_TYPES = sql('SELECT type FROM ledger_entries WHERE account_id = ? AND customer_id = ? ORDER BY id');

/**
 * One bad item of the engagement passes (a referrer or a birthday customer whose reward would pass
 * the balance limit, 3011) must not stop the sweeper: wallets are settled first, every other item
 * is still given, the failure is logged, and the failing item does not block the queue.
 */
describe.each(storages)('the due-work sweeper with a failing item on %s', (kind) => {
  let started: TestServer;
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const logged: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });

  async function setUp() {
    const location = await freshStorage(kind);
    started = await startServer(location, { sweepEveryMs: null });
    cleanups.push(() => location.drop(), () => started.close());
    return jobRunner(JOBS, { store: started.store, accounts, clock: started.clock, logger });
  }

  /** Fills a customer's wallet to `MAX_BALANCE - room` points, straight through the domain (for speed). */
  async function fill(account: Account, customerId: string, room: number) {
    const scope = { store: started.store, account, clock: started.clock };
    const { data } = await started.as(account).GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    let missing = MAX_BALANCE - room - data!.totalPointsBalance;
    for (let n = 0; missing > 0; n++) {
      const points = Math.min(missing, MAX_POINTS);
      await createManualTransaction(scope, { customerId, transactionId: `fill-${n}`, transactionTime: started.clock.now().toISOString(), username: 't', reason: 'fill', points });
      missing -= points;
    }
  }

  async function signUp(account: Account, body: { referrerCode?: string; customerAttributes?: Record<string, unknown> } = {}) {
    const customerId = uid('c');
    const { error } = await started.as(account).POST('/customers', { body: { customerId, ...body } });
    expect(error).toBeUndefined();
    return customerId;
  }

  it('settles wallets and gives the other rewards when a referrer at the balance limit has a due reward', { timeout: 240_000 }, async () => {
    const sweeper = await setUp();
    const code = async (customerId: string) =>
      (await started.as(shop).GET('/customers/{customerId}', { params: { path: { customerId } } })).data!.referralCode;
    // A referrer with no room for the 100-point reward, and a healthy one queued behind it.
    const rich = await signUp(shop);
    const richFriend = await signUp(shop, { referrerCode: await code(rich) });
    await fill(shop, rich, 50);
    const healthy = await signUp(shop);
    const healthyFriend = await signUp(shop, { referrerCode: await code(healthy) });
    const now = started.clock.now().toISOString();
    // As if each friend's unit committed and the process stopped before the referrer's unit ran.
    for (const friend of [richFriend, healthyFriend]) await started.store.run(MAKE_DUE, [now, shop.id, friend]);
    // A birthday on the day the clock moves to, for a customer at the limit (the 50-point reward fails) and a healthy one.
    const then = new Date(started.clock.now().getTime() + 31 * DAY_MS).toISOString();
    const birthdayThen = { customerAttributes: { dateOfBirth: `1990-${then.slice(5, 10)}` } };
    const richBirthday = await signUp(calendar, birthdayThen);
    await fill(calendar, richBirthday, 10);
    const birthday = await signUp(calendar, birthdayThen);
    // Points of another account that expire after 30 days.
    const api = pointsApi(started.as(timed));
    const expiring = await api.customer();
    await api.manual(expiring, 50);
    started.clock.advance(31 * DAY_MS);

    expect((await sweeper.runOnce())[settleWallets.name]).toBeGreaterThanOrEqual(1);
    const types = await started.store.all<{ type: string }>(ENTRY_TYPES, [timed.id, expiring]);
    expect(types.map((t) => t.type)).toEqual(['ManualAccumulation', 'Expiry']);
    expect(await started.store.get(REFERRAL, [shop.id, healthyFriend])).toMatchObject({ state: 'done' });
    expect(await started.store.get(REFERRAL, [shop.id, richFriend])).toMatchObject({ state: 'due' });
    expect(Number((await started.store.get<{ attempts: number }>(REFERRAL, [shop.id, richFriend]))!.attempts)).toBe(1);
    const healthyBalance = await started.as(shop).GET('/customers/{customerId}/balance', { params: { path: { customerId: healthy } } });
    const richBalance = await started.as(shop).GET('/customers/{customerId}/balance', { params: { path: { customerId: rich } } });
    expect(richBalance.data!.totalPointsBalance).toBe(MAX_BALANCE - 50);
    const signUpPoints = shop.program.campaigns.filter((c) => c.type === 'SignUp').reduce((sum, c) => sum + c.walletReward, 0);
    expect(healthyBalance.data!.totalPointsBalance).toBe(signUpPoints + 100);
    const achieved = async (customerId: string) => (await started.store.all<{ type: string }>(ENTRY_TYPES, [calendar.id, customerId])).filter((t) => t.type === 'AchievementReward');
    expect(await achieved(birthday)).toHaveLength(1);
    expect(await achieved(richBirthday)).toHaveLength(0);
    expect(logged.map((l) => l.msg)).toEqual(["referrer's reward failed; retried later", 'calendar campaigns failed for a customer; skipped today']);
    expect(logged[0]).toMatchObject({ attempts: 1, err: { code: 3011 } });

    // The calendar day is done (not rescanned on every sweep), and the failed reward waits for its retry.
    await sweeper.runOnce();
    expect(logged).toHaveLength(2);
    // Retried with a back-off, then given up as 'failed'.
    for (let attempt = 2; attempt <= REWARD_ATTEMPTS; attempt++) {
      started.clock.advance(2 ** (attempt - 2) * 60_000 + 1);
      await sweeper.runOnce();
      expect(Number((await started.store.get<{ attempts: number }>(REFERRAL, [shop.id, richFriend]))!.attempts)).toBe(attempt);
    }
    expect(await started.store.get(REFERRAL, [shop.id, richFriend])).toMatchObject({ state: 'failed', attempts: REWARD_ATTEMPTS });
    started.clock.advance(30 * DAY_MS);
    await sweeper.runOnce();
    expect(Number((await started.store.get<{ attempts: number }>(REFERRAL, [shop.id, richFriend]))!.attempts)).toBe(REWARD_ATTEMPTS);
    expect((await verifyAllWallets(started.store)).problems).toEqual([]);
  });
});
