import { describe, expect, it } from 'vitest';
import { accountDirectory, loadAccountsFile } from '../../src/accounts.js';
import { DEFAULT_ACCOUNTS_FILE } from '../../src/config.js';

describe('program configuration, customer view and the test clock', () => {
  it('ships accounts whose reference tools are off, so the test clock answers 404 there', async () => {
    const shipped = loadAccountsFile(DEFAULT_ACCOUNTS_FILE);
    expect(shipped.referenceTools).toBe(false);
    expect(accountDirectory(shipped.accounts).byApiKey('demo_apikey')?.program.pointsExpiry).toEqual({ after: 365, unit: 'days' });
  });
});
