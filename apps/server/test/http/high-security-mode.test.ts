import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GameballClient } from '@gameball-open/client';
import { specPath } from '@gameball-open/spec';
import { demo, describeOnStorages, shopHsm, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

type Answer = { error?: unknown; response: Response };

function expectSecretRequired(answer: Answer): void {
  expect([answer.response.status, (answer.error as { code?: number } | undefined)?.code], JSON.stringify(answer.error)).toEqual([401, 1001]);
}

/**
 * On an account in high security mode, what the public key alone can do elsewhere (earn through
 * events and referrals, join an unknown customerId to a profile by its email, read that
 * profile's notifications) needs the secret key too.
 */
describeOnStorages('high security mode and the public key', (server) => {
  const both = () => server().as(shopHsm);
  const points = () => pointsApi(both());
  /** Everything a customer has, read with both keys: profile, balance, ledger, referrals, notifications (or the error). */
  const state = async (customerId: string) => {
    const path = { path: { customerId } };
    const read = async (answer: Promise<{ data?: unknown; error?: unknown }>) => {
      const { data, error } = await answer;
      const { requestId: _, ...failure } = (error ?? {}) as { requestId?: string };
      return data ?? failure;
    };
    return {
      profile: await read(both().GET('/customers/{customerId}/details', { params: path })),
      balance: await read(both().GET('/customers/{customerId}/balance', { params: path })),
      ledger: await read(both().GET('/transactions', { params: { query: { customerId } } })),
      referrals: await read(both().GET('/customers/{customerId}/referrals', { params: path })),
      notifications: await read(both().GET('/customers/{customerId}/notifications', { params: path })),
    };
  };
  /** The requests that earn, refer and merge with the public key on an ordinary account. */
  const attempts = (gb: GameballClient, ids: { alice: string; email: string; code: string; friend: string; attacker: string; stranger: string }) => [
    () => gb.POST('/events', { body: { customerId: ids.alice, events: { review_submitted: {} } } }),
    () => gb.POST('/events', { body: { customerId: ids.stranger, email: ` ${ids.email.toUpperCase()} `, events: { review_submitted: {} } } }),
    () => gb.POST('/customers', { body: { customerId: ids.friend, referrerCode: ids.code } }),
    () => gb.POST('/events', { body: { customerId: ids.friend, events: { place_order: {} } } }),
    () => gb.POST('/customers', { body: { customerId: ids.attacker, email: ` ${ids.email.toUpperCase()} ` } }),
    () => gb.GET('/customers/{customerId}/notifications', { params: { path: { customerId: ids.attacker } } }),
    () => gb.GET('/customers/{customerId}/notifications', { params: { path: { customerId: ids.alice } } }),
  ];

  it('earns, refers, merges and reads nothing with the public key alone (401/1001); with both keys all of it works', async () => {
    const person = uid('alice');
    const ids = { alice: person, email: `${person}@example.com`, friend: uid('friend'), attacker: uid('attacker'), stranger: uid('stranger'), code: '' };
    expect((await both().POST('/customers', { body: { customerId: ids.alice, email: ids.email } })).error).toBeUndefined();
    ids.code = (await both().GET('/customers/{customerId}', { params: { path: { customerId: ids.alice } } })).data!.referralCode;
    const others = [ids.friend, ids.attacker, ids.stranger];
    const before = { alice: await state(ids.alice), others: await Promise.all(others.map(state)) };
    expect(before.alice.balance).toMatchObject({ totalPointsBalance: 25 }); // the SignUp campaign

    const publicKeyOnly = server().client({ apiKey: shopHsm.apiKey });
    const otherAccountsSecret = server().client({ apiKey: shopHsm.apiKey, secretKey: demo.secretKey });
    for (const gb of [publicKeyOnly, otherAccountsSecret]) {
      for (const attempt of attempts(gb, ids)) expectSecretRequired(await attempt());
    }
    expect(await state(ids.alice)).toEqual(before.alice);
    expect(await Promise.all(others.map(state))).toEqual(before.others);
    for (const id of others) expect((await state(id)).profile).toMatchObject({ code: 7000 });

    // The same requests with both keys: the review earns, the stranger and the attacker join
    // Alice's profile by her email, the friend's order rewards Alice as the referrer.
    for (const attempt of attempts(both(), ids)) expect((await attempt()).error).toBeUndefined();
    const gameballId = (before.alice.profile as { gameballId: number }).gameballId;
    for (const id of [ids.attacker, ids.stranger]) expect((await state(id)).profile).toMatchObject({ gameballId });
    const referrals = await both().GET('/customers/{customerId}/referrals', { params: { path: { customerId: ids.alice } } });
    expect(referrals.data).toMatchObject({ referredFriends: [expect.objectContaining({ customerId: ids.friend })] });
    // 25 + two reviews + 100 for the referral
    await expect.poll(async () => (await points().balance(ids.alice)).totalPointsBalance).toBe(25 + 10 + 10 + 100);
  });
});

describe('what the public key can do, as the docs say it', () => {
  const spec = parse(readFileSync(specPath, 'utf8'));
  const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
  const texts = {
    'the spec (Authentication)': spec.info.description as string,
    'POST /customers': spec.paths['/customers'].post.description as string,
    'POST /events': spec.paths['/events'].post.description as string,
    referrerCode: spec.components.schemas.CustomerUpsert.properties.referrerCode.description as string,
    'the README': readme,
  };

  it.each(Object.entries(texts))('%s says that the public key alone earns and that high security mode closes it', (_, text) => {
    expect(text).toMatch(/public key|`apikey`/);
    expect(text).toMatch(/high\s+security\s+mode/i);
    expect(text).toMatch(/referr/);
  });

  it.each(['the spec (Authentication)', 'POST /customers', 'POST /events', 'the README'] as const)('%s says that the public key alone merges channels', (name) => {
    expect(texts[name]).toMatch(/merges?\s+(channels|by\s+email)/);
    expect(texts[name]).toMatch(/unknown\s+`customerId`/);
  });
});
