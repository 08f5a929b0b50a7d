import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { createApp } from '../../src/app.js';
import { openStore } from '../../src/open-store.js';
import { accounts, demo, freshStorage } from '../support/harness.js';

describe("the inspector's reference-tools operations on a server with the tools off", () => {
  it('answer 404 (4004) and show nothing', async () => {
    const off = await freshStorage('sqlite');
    const store = await openStore({ dataDir: off.dataDir });
    const app = createApp({ store, accounts, logger: pino({ level: 'silent' }) });
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    try {
      const { port } = listening.address() as AddressInfo;
      const gb = createGameballClient({ baseUrl: `http://127.0.0.1:${port}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey });
      expect((await gb.POST('/customers', { body: { customerId: 'off_1' } })).error).toBeUndefined();
      const answers = [
        await gb.GET('/_reference/customers', { params: { query: { q: 'off_1' } } }),
        await gb.GET('/_reference/customers/{customerId}/ledger', { params: { path: { customerId: 'off_1' } } }),
        await gb.GET('/_reference/holds', { params: { query: {} } }),
        await gb.GET('/_reference/batches', { params: { query: {} } }),
      ];
      expect(answers.map((answer) => [answer.response.status, answer.error?.code, answer.data])).toEqual(Array(4).fill([404, 4004, undefined]));
      // The page is off too: it is served only where the tools are on (or when asked).
      expect((await fetch(`http://127.0.0.1:${port}/inspector/`)).status).toBe(404);
    } finally {
      listening.close();
      await store.close();
      await off.drop();
    }
  });
});
