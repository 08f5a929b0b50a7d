import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';

/** The largest integer the spec allows for an ID compared with a PostgreSQL int4 (serial) column. */
const INT4_MAX = 2147483647;
/** The largest integer JSON carries exactly; the activity numbering (entry id x 1024) is a bigint. */
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/**
 * IDs at the top of what the spec accepts reach SQL as parameters compared with int4 columns on
 * PostgreSQL (serial keys), where a value past 2^31 - 1 is an error, not a miss. Every such
 * operation must answer a result or a Gameball 4xx on both storages, never a 5xx.
 */
describeOnStorages('integer IDs at the spec\'s maxima', (server) => {
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server().baseUrl}${path}`, {
      method,
      headers: { apikey: shop.apiKey, secretkey: shop.secretKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers a result or a 4xx, never a 5xx', async () => {
    const customerId = uid('ids');
    expect((await send('POST', '/customers', { customerId })).status).toBe(200);
    const c = `/customers/${customerId}`;
    const ok = [
      ['GET', `/transactions?startAfter=${INT4_MAX}`],
      ['GET', `/transactions?customerId=${customerId}&startAfter=${INT4_MAX}`],
      ['GET', `/transactions/customer-view?customerId=${customerId}&startAfter=${INT4_MAX}`],
      ['GET', `${c}/referrals?startAfter=${INT4_MAX}`],
      ['GET', `${c}/activities?startAfter=${SAFE_MAX}`],
      ['GET', `${c}/notifications?startAfter=${SAFE_MAX}`],
      ['GET', `${c}/notifications?isRead=false&startAfter=${SAFE_MAX}`],
      ['GET', `${c}/reward-campaigns-progress?campaignId=${INT4_MAX}`],
      ['GET', `/leaderboard?rewardCampaignId=${INT4_MAX}`],
      ['PUT', `${c}/notifications/read`, { notificationIds: ['99999999999', '999999999999999', '9'.repeat(40), String(SAFE_MAX)] }],
      ['PUT', `${c}/notifications/read`, { notificationsIds: [String(INT4_MAX + 1)] }],
    ] as const;
    const answers: Array<[string, number]> = [];
    for (const [method, path, body] of ok) answers.push([`${method} ${path}`, (await send(method, path, body)).status]);
    for (const [method, path, body] of [
      ['GET', `${c}/stamps/${INT4_MAX}`],
      ['GET', `${c}/streaks/${INT4_MAX}`],
      ['POST', '/customers/social-challenges', { customerId, challengeId: INT4_MAX }],
    ] as const) {
      const answer = await send(method, path, body);
      answers.push([`${method} ${path}`, answer.status]);
      if (answer.status >= 400) expect(answer.body).toMatchObject({ code: expect.any(Number) });
    }
    expect(answers.filter(([, status]) => status >= 500)).toEqual([]);
    expect(answers.slice(0, ok.length).filter(([, status]) => status !== 200)).toEqual([]);
  });

  it('refuses IDs past the spec\'s maxima with a Gameball 4xx', async () => {
    const customerId = uid('ids');
    await send('POST', '/customers', { customerId });
    for (const path of [`/transactions?startAfter=${INT4_MAX + 1}`, `/customers/${customerId}/referrals?startAfter=${INT4_MAX + 1}`, `/leaderboard?rewardCampaignId=${INT4_MAX + 1}`]) {
      const answer = await send('GET', path);
      expect([path, answer.status >= 400 && answer.status < 500, typeof answer.body.code]).toEqual([path, true, 'number']);
    }
  });
});
