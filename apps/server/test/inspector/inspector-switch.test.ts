import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { inspectorOn, loadConfig } from '../../src/config.js';
import { openStore } from '../../src/open-store.js';
import { accounts, freshStorage } from '../support/harness.js';
import { spawnServer, stopGracefully } from '../support/processes.js';

describe('the inspector switch', () => {
  it('is on where the reference tools are on, off in production unless INSPECTOR=true, and as INSPECTOR says otherwise', () => {
    const on = (env: NodeJS.ProcessEnv, tools: boolean) => inspectorOn(loadConfig(env), tools);
    expect(on({}, true)).toBe(true);
    expect(on({}, false)).toBe(false);
    expect(on({ NODE_ENV: 'production' }, true)).toBe(false);
    expect(on({ NODE_ENV: 'production', INSPECTOR: 'true' }, true)).toBe(true);
    expect(on({ INSPECTOR: 'false' }, true)).toBe(false);
    expect(on({ INSPECTOR: 'true' }, false)).toBe(true);
    expect(() => loadConfig({ INSPECTOR: 'yes' })).toThrow("INSPECTOR must be true or false, not 'yes'.");
  });

  it('serves the page only when on', async () => {
    const location = await freshStorage('sqlite');
    const store = await openStore({ dataDir: location.dataDir });
    const statusOf = async (deps: { referenceTools?: boolean; inspector?: boolean }) => {
      const app = createApp({ store, accounts, logger: pino({ level: 'silent' }), ...deps });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const page = await fetch(`http://127.0.0.1:${port}/inspector/`);
        return [page.status, page.headers.get('content-type')?.split(';')[0]];
      } finally {
        server.close();
      }
    };
    try {
      expect(await statusOf({ referenceTools: true })).toEqual([200, 'text/html']);
      expect(await statusOf({ referenceTools: true, inspector: false })).toEqual([404, 'application/json']);
      expect(await statusOf({ referenceTools: false })).toEqual([404, 'application/json']);
      expect(await statusOf({ inspector: true })).toEqual([200, 'text/html']);
    } finally {
      await store.close();
      await location.drop();
    }
  });

  it('reaches a server process (dist/main.js): NODE_ENV=production and INSPECTOR=false turn the page off', { timeout: 120_000 }, async () => {
    const location = await freshStorage('sqlite');
    try {
      const pageStatuses = [];
      for (const env of [{}, { NODE_ENV: 'production' }, { NODE_ENV: 'production', INSPECTOR: 'true' }, { INSPECTOR: 'false' }]) {
        const server = await spawnServer(location, env);
        try {
          pageStatuses.push((await fetch(`${server.origin}/inspector/`)).status);
        } finally {
          await stopGracefully(server.process);
        }
      }
      expect(pageStatuses).toEqual([200, 404, 200, 404]);
    } finally {
      await location.drop();
    }
  });
});
