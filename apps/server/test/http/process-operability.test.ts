import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freshStorage } from '../support/harness.js';
import { spawnServer, stopGracefully } from '../support/processes.js';
import { call, expectError } from './helpers.js';

/** `node dist/main.js` as users start it: rate limits and /metrics on unless the environment says otherwise. */
it('a server process limits rates and serves /metrics by default, and RATE_LIMITS=off / METRICS=off turn them off', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gameball-ops-'));
  const accountsFile = join(dir, 'accounts.json');
  const account = { id: 'tiny', apiKey: 'tiny_apikey', secretKey: 'tiny_secret', rateLimits: { others: { perSecond: 1, per30Seconds: 1 } } };
  writeFileSync(accountsFile, JSON.stringify({ accounts: [account] }));
  const headers = { apikey: account.apiKey };
  const location = await freshStorage('sqlite');
  try {
    const on = await spawnServer(location, { GAMEBALL_ACCOUNTS_FILE: accountsFile, RATE_LIMITS: '' });
    try {
      const answers = [];
      // One request in 30 seconds: of three sent in a row at least two fall in one window.
      for (let i = 0; i < 3; i++) answers.push(await call(`${on.origin}/api/v4/integrations/configurations/widget`, { headers }));
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expectError(refused[0]!, 429, 4000);
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const metrics = await call(`${on.origin}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(/^gameball_http_requests_total\{operation="getWidgetConfiguration",status="429"\} [12]$/m);
    } finally {
      await stopGracefully(on.process);
    }
    const off = await spawnServer(location, { GAMEBALL_ACCOUNTS_FILE: accountsFile, RATE_LIMITS: 'off', METRICS: 'off' });
    try {
      for (let i = 0; i < 3; i++) expect((await call(`${off.origin}/api/v4/integrations/configurations/widget`, { headers })).status).toBe(200);
      expect((await call(`${off.origin}/metrics`)).status).toBe(404);
    } finally {
      await stopGracefully(off.process);
    }
  } finally {
    await location.drop();
  }
});
