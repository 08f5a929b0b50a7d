import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { demo, describeOnStorages, nowIso, shop, uid } from '../support/harness.js';

describeOnStorages('channel merging', (server) => {
  const gb = () => server().as(shop);
  const earn = async (customerId: string, amount: number, contact: { email?: string; mobile?: string } = {}, account = shop) => {
    const { data, error } = await server().as(account).POST('/transactions/cashback', {
      body: { customerId, transactionId: uid('pay'), transactionTime: nowIso(), amount, ...contact },
    });
    expect(error).toBeUndefined();
    return data!;
  };
  const balance = async (customerId: string, account = shop) => {
    const { data, error } = await server().as(account).GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    expect(error).toBeUndefined();
    return data!.totalPointsBalance;
  };

  it('joins web, app and POS IDs with one email into one wallet: 150 + 200 + 100 = 450', async () => {
    const person = uid('ann');
    const [web, app, pos] = [`web_${person}`, `app_${person}`, `pos_${person}`];
    await earn(web, 150, { email: `${person}@Example.com` });
    await earn(app, 200, { email: ` ${person}@example.COM ` });
    await earn(pos, 100, { email: `${person}@example.com` });
    // 450 and the SignUp campaign's 25, once for the one profile
    for (const id of [web, app, pos]) expect(await balance(id)).toBe(475);
    const gameballIds = new Set<number>();
    for (const id of [web, app, pos]) {
      const { data } = await gb().GET('/customers/{customerId}', { params: { path: { customerId: id } } });
      gameballIds.add(data!.gameballId);
    }
    expect(gameballIds.size).toBe(1);
    // An upsert under a fourth ID with the same email joins the same profile too.
    const kiosk = await gb().POST('/customers', { body: { customerId: `kiosk_${person}`, email: `${person}@example.com` } });
    expect(gameballIds.has(kiosk.data!.gameballId)).toBe(true);
    expect(await balance(`kiosk_${person}`)).toBe(475);
    // The ledger lists and counts the profile's entries under any of its IDs.
    const listed = await gb().GET('/transactions', { params: { query: { customerId: app } } });
    expect(listed.data!.transactions.map((t) => [t.customerId, t.points])).toEqual([[web, 25], [web, 150], [web, 200], [web, 100]]);
    const counted = await gb().GET('/transactions/count', { params: { query: { customerId: pos } } });
    expect(counted.data).toEqual({ count: 4 });
    // Redeemed through another ID, the points come out of the profile's own lots (its first ones
    // read with the lock): 475 - 300 under every ID, and the wallets match the ledger.
    const redeemed = await gb().POST('/transactions/redeem', { body: { customerId: pos, transactionId: uid('red'), transactionTime: nowIso(), points: 300 } });
    expect(redeemed.error).toBeUndefined();
    for (const id of [web, app, pos]) expect(await balance(id)).toBe(175);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('keeps IDs without the key apart, and never merges two existing profiles', async () => {
    const person = uid('bob');
    await earn(`web_${person}`, 10, { email: `${person}@example.com` });
    await earn(`app_${person}`, 20); // no email: a profile of its own
    // Each profile also has the SignUp campaign's 25.
    expect(await balance(`web_${person}`)).toBe(35);
    expect(await balance(`app_${person}`)).toBe(45);
    // The app profile now tells its email: it stays its own profile.
    await gb().POST('/customers', { body: { customerId: `app_${person}`, email: `${person}@example.com` } });
    await earn(`app_${person}`, 5, { email: `${person}@example.com` });
    expect(await balance(`web_${person}`)).toBe(35);
    expect(await balance(`app_${person}`)).toBe(50);
  });

  it('does not merge on an account with channel merging off', async () => {
    const person = uid('cy');
    await earn(`web_${person}`, 100, { email: `${person}@example.com` }, demo);
    await earn(`app_${person}`, 100, { email: `${person}@example.com` }, demo);
    expect(await balance(`web_${person}`, demo)).toBe(30);
    expect(await balance(`app_${person}`, demo)).toBe(30);
  });
});
