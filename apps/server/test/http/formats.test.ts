import { describe, expect, it } from 'vitest';
import { serverForTests, uid } from '../support/harness.js';
import { expectError, post } from './helpers.js';

/** Full format checks in the validator: impossible dates are refused, not shifted. */
describe('date-time formats', () => {
  const server = serverForTests('sqlite');
  const IMPOSSIBLE = [
    '2025-02-29T00:00:00Z', // 2025 is no leap year: would be stored as March 1
    '2024-02-30T00:00:00Z', // would be stored as March 1
    '2024-04-31T12:00:00Z',
    '2024-06-01T24:00:00Z', // would be stored as the next day
    '2024-06-01T12:60:00Z',
    '2024-06-01T12:00:00', // no time zone: which instant is it?
  ];

  async function customer(): Promise<string> {
    const customerId = uid('fmt');
    expect((await server().client().POST('/customers', { body: { customerId } })).response.status).toBe(200);
    return customerId;
  }

  it.each(IMPOSSIBLE)('refuses transactionTime %s on POST /transactions/manual with 422/3003', async (transactionTime) => {
    const customerId = await customer();
    const body = { customerId, transactionId: uid('man'), transactionTime, username: 'admin', reason: 'test', points: 5 };
    expectError(await post(`${server().baseUrl}/transactions/manual`, JSON.stringify(body)), 422, 3003);
  });

  it.each(IMPOSSIBLE)('refuses transactionTime %s on POST /transactions/cashback with 422/3003', async (transactionTime) => {
    const customerId = await customer();
    const body = { customerId, transactionId: uid('pay'), transactionTime, amount: 100 };
    expectError(await post(`${server().baseUrl}/transactions/cashback`, JSON.stringify(body)), 422, 3003);
  });

  it('accepts real dates: a leap day, an offset, fractions of a second', async () => {
    const customerId = await customer();
    for (const transactionTime of ['2024-02-29T23:59:59Z', '2024-06-01T12:00:00.123+02:00', '2024-06-01t12:00:00z']) {
      const body = { customerId, transactionId: uid('pay'), transactionTime, amount: 100 };
      const answer = await post(`${server().baseUrl}/transactions/cashback`, JSON.stringify(body));
      expect(answer.status, `${transactionTime}: ${answer.text}`).toBe(200);
    }
  });
});
