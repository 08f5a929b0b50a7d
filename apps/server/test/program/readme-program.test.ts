import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAccountsFile } from '../../src/accounts.js';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

describe('the example engagement program', () => {
  it('in the README is the shop account of the default accounts file, and that file loads', () => {
    const readme = read('../../../../README.md');
    const from = readme.indexOf('### The engagement program');
    const block = /```json\n([\s\S]*?)```/.exec(readme.slice(from));
    expect(from).toBeGreaterThan(0);
    const config = JSON.parse(read('../../config/accounts.json')) as { accounts: Array<{ id: string; program: unknown }> };
    const shop = config.accounts.find((account) => account.id === 'shop');
    expect(JSON.parse(block![1]!)).toEqual(shop!.program);
    const loaded = loadAccountsFile(fileURLToPath(new URL('../../config/accounts.json', import.meta.url)));
    const program = loaded.accounts.find((account) => account.id === 'shop')!.program;
    expect(program.tiers.tiers.map((tier) => tier.minProgress)).toEqual([0, 100, 500, 2000]);
    expect(program.campaigns.length).toBeGreaterThan(5);
    expect(program.referral?.method).toBe('PlayerAndFriend');
  });

  it('refuses a program whose tiers do not start at 0, naming the field', () => {
    const bad = { accounts: [{ id: 'x', apiKey: 'k', secretKey: 's', program: { tiers: { tiers: [{ id: 1, order: 1, name: 'Low', minProgress: 5 }] } } }] };
    const file = fileURLToPath(new URL(`./.bad-accounts-${process.pid}.json`, import.meta.url));
    writeFileSync(file, JSON.stringify(bad));
    try {
      expect(() => loadAccountsFile(file)).toThrow(/accounts\[0\]\.program\.tiers: the lowest tier must have minProgress 0/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
