import { describe, expect, it } from 'vitest';
import { withToolsOffServer } from '../support/tools-off-server.js';

describe("the inspector's reference-tools operations on a server with the tools off", () => {
  it('answer 404 (4004) and show nothing', async () => {
    await withToolsOffServer(async (gb, origin) => {
      expect((await gb.POST('/customers', { body: { customerId: 'off_1' } })).error).toBeUndefined();
      const answers = [
        await gb.GET('/_reference/customers', { params: { query: { q: 'off_1' } } }),
        await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path: { customerId: 'off_1' } } }),
        await gb.GET('/_reference/holds', { params: { query: {} } }),
        await gb.GET('/_reference/batches', { params: { query: {} } }),
      ];
      expect(answers.map((answer) => [answer.response.status, answer.error?.code, answer.data])).toEqual(Array(4).fill([404, 4004, undefined]));
      // The page is off too: it is served only where the tools are on (or when asked).
      expect((await fetch(`${origin}/inspector/`)).status).toBe(404);
    });
  });
});
