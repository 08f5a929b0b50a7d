import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createGameballClient, type GameballClient } from '@gameball-open/client';
import { createApp } from '../../src/app.js';
import { openStore } from '../../src/open-store.js';
import { accounts, demo, freshStorage } from './harness.js';

/**
 * Runs `work` against a server built as production builds it: no reference tools (the harness
 * turns them on), on fresh SQLite storage, with the demo account's client; stops it after.
 */
export async function withToolsOffServer(work: (gb: GameballClient, origin: string) => Promise<void>): Promise<void> {
  const location = await freshStorage('sqlite');
  const store = await openStore({ dataDir: location.dataDir });
  const server = createApp({ store, accounts, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await work(createGameballClient({ baseUrl: `${origin}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey }), origin);
  } finally {
    server.close();
    await store.close();
    await location.drop();
  }
}
