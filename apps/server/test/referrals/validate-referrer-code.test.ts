import { expect, it } from 'vitest';
import { describeOnStorages, shop } from '../support/harness.js';
import { referralApi } from './referral-support.js';

describeOnStorages('referrals', (server) => {
  const api = referralApi(server, shop);

  it('validates referrer codes: known, not one\'s own', async () => {
    const owner = await api.signUp();
    const other = await api.signUp();
    const code = await api.codeOf(owner);
    const check = async (referrerCode: string, forCustomerId?: string) => {
      const { data, error } = await api.gb().GET('/referrals/validate', { params: { query: { referrerCode, ...(forCustomerId ? { forCustomerId } : {}) } } });
      expect(error).toBeUndefined();
      return data!.isValid;
    };
    expect(await check(code)).toBe(true);
    expect(await check(code, other)).toBe(true);
    expect(await check(code, owner)).toBe(false);
    expect(await check('NoSuchCode0000', other)).toBe(false);
    const missing = await fetch(`${server().baseUrl}/referrals/validate`, { headers: { apikey: shop.apiKey } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: number }).code).toBe(3000);
  });
});
