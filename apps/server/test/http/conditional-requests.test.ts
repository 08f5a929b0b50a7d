import { describe, expect, it } from 'vitest';
import { serverForTests, uid } from '../support/harness.js';
import { call, keys } from './helpers.js';

/**
 * The API answers no conditional requests: no operation documents a 304, so a GET always
 * answers its status and body, whatever If-None-Match or If-Modified-Since a caller (or a proxy
 * between it and the server) sends, and no ETag invites one.
 */
describe('conditional request headers', () => {
  const server = serverForTests('sqlite');
  const url = (path: string) => `${server().baseUrl}${path}`;

  it('answer 200 with the body, never 304, and carry no ETag', async () => {
    const customerId = uid('cond');
    await server().client().POST('/customers', { body: { customerId } });
    for (const path of [`/customers/${customerId}/balance`, `/transactions?customerId=${customerId}`, `/customers/${customerId}`]) {
      const plain = await call(url(path), { headers: keys });
      expect(plain.status, plain.text).toBe(200);
      expect(plain.headers.get('etag')).toBeNull();
      for (const conditional of [{ 'if-none-match': '*' }, { 'if-none-match': 'W/"13e-x"' }, { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() }]) {
        const again = await call(url(path), { headers: { ...keys, ...conditional } });
        expect(again.status, JSON.stringify(conditional)).toBe(200);
        expect(again.text).toBe(plain.text);
      }
    }
  });

  it('answer a caller holding only the public apikey the same way', async () => {
    const publicKey = { apikey: keys.apikey };
    const plain = await call(url('/leaderboard'), { headers: publicKey });
    expect(plain.status, plain.text).toBe(200);
    expect(plain.headers.get('etag')).toBeNull();
    const again = await call(url('/leaderboard'), { headers: { ...publicKey, 'if-none-match': '*' } });
    expect(again.status).toBe(200);
    expect(again.text).toBe(plain.text);
  });
});
