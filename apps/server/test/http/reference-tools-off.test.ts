import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { createApp } from '../../src/app.js';
import { openStore } from '../../src/open-store.js';
import { accounts, demo, freshStorage } from '../support/harness.js';

describe('a server with its reference tools off', () => {
  it('answers 404/4004 on the test clock, the OTP inbox and the reset', async () => {
    const location = await freshStorage('sqlite');
    const store = await openStore({ dataDir: location.dataDir });
    const app = createApp({ store, accounts, logger: pino({ level: 'silent' }) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const gb = createGameballClient({ baseUrl: `http://127.0.0.1:${port}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey });
      const clock = await gb.POST('/_reference/clock', { body: { advanceSeconds: 60 } });
      expect(clock.response.status).toBe(404);
      expect(clock.error?.code).toBe(4004);
      const otp = await gb.GET('/_reference/customers/{customerId}/otp', { params: { path: { customerId: 'x' } } });
      expect(otp.error?.code).toBe(4004);
      const reset = await gb.POST('/_reference/reset', {});
      expect([reset.response.status, reset.error?.code]).toEqual([404, 4004]);
    } finally {
      server.close();
      await store.close();
      await location.drop();
    }
  });
});
