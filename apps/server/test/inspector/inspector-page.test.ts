import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectorDir } from '@gameball-open/inspector';
import { demo, freshStorage, nowIso, startServer, timed, uid, type StorageLocation, type TestServer } from '../support/harness.js';
import { browserPath, launch, screenshot, watchedTab } from './chromium.js';

/** Cells of the ledger table's rows, newest first. */
function ledgerRows(tab: Page): Promise<string[][]> {
  return tab.locator('[data-testid="ledger"] tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
}

async function openWithKeys(tab: Page, origin: string, keys: { apiKey: string; secretKey: string }): Promise<void> {
  await tab.goto(`${origin}/inspector`);
  await tab.getByTestId('api-key').fill(keys.apiKey);
  await tab.getByTestId('secret-key').fill(keys.secretKey);
  await tab.getByTestId('open-account').click();
}

describe('the inspector page in Chromium', () => {
  let location: StorageLocation;
  let server: TestServer;
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location);
  });
  afterAll(async () => {
    await server?.close();
    await location?.drop();
  });

  it('is built into the server package', () => {
    expect(existsSync(join(inspectorDir, 'index.html')), `${inspectorDir} is missing: run pnpm build first`).toBe(true);
  });

  it.skipIf(!browserPath)('finds a customer, shows the order entry, its expiry after the clock moved, and an empty account after a reset, asking nothing of any other host', async () => {
    const gb = server.as(timed);
    const customerId = uid('insp');
    const email = `${customerId}@example.com`;
    expect((await gb.POST('/customers', { body: { customerId, email } })).error).toBeUndefined();
    // The timed program: 1 point per 1 paid, pending for a 7-day return window, expiring 30 days after.
    const order = await gb.POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 35 } });
    expect(order.data?.rewardedPoints).toBe(35);

    const browser = await launch();
    try {
      const { tab, requested, blocked } = await watchedTab(browser, server.origin);
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await openWithKeys(tab, server.origin, timed);
      await tab.getByRole('link', { name: 'Customers' }).click();
      await tab.getByTestId('customer-search').fill(email.toUpperCase());
      await tab.getByTestId('customer-search').press('Enter');
      await tab.getByTestId('customer-link').filter({ hasText: customerId }).click();
      await expect.poll(() => ledgerRows(tab), { timeout: 15_000 }).toHaveLength(1);
      const [earned] = await ledgerRows(tab);
      // #, type, points, status, before, after, operation, transaction
      expect(earned!.slice(1, 8)).toEqual(['PaymentReward', '+35', 'Pending', '0', '35', 'order', expect.any(String)]);
      await expect.poll(() => tab.getByTestId('wallet').innerText()).toContain('Pending\n35');
      await screenshot(tab, '1-customer-with-order-entry');

      // 8 days: the return window ends and the points become active; 30 more: they expire.
      await tab.getByRole('link', { name: 'Tools' }).click();
      for (const days of ['8', '30']) {
        await tab.getByTestId('clock-amount').fill(days);
        await tab.getByTestId('clock-advance').click();
        await expect.poll(() => tab.getByTestId('clock-note').innerText()).toContain('The clock is now');
        await tab.getByTestId('clock-note').evaluate((note) => (note.textContent = ''));
      }
      await expect.poll(() => tab.getByTestId('clock-state').innerText()).toContain('38.00 days');
      await screenshot(tab, '2-clock-moved-38-days');

      await tab.goBack();
      await expect.poll(async () => (await ledgerRows(tab))[0]?.slice(1, 7), { timeout: 15_000 }).toEqual(['Expiry', '-35', 'Expired', '35', '0', 'expiry']);
      expect((await ledgerRows(tab)).map((row) => row[1])).toEqual(['Expiry', 'PaymentReward']);
      await expect.poll(() => tab.getByTestId('wallet').innerText()).toMatch(/Balance\s+0\b/);
      await screenshot(tab, '3-expiry-entry');

      await tab.getByRole('link', { name: 'Tools' }).click();
      await tab.getByTestId('reset-account').click();
      await tab.getByTestId('reset-account').click();
      await expect.poll(() => tab.getByTestId('reset-note').innerText()).toBe('The account is empty.');
      await tab.getByRole('link', { name: 'Customers' }).click();
      await expect.poll(() => tab.getByTestId('customers-empty').isVisible()).toBe(true);
      await screenshot(tab, '4-account-empty-after-reset');
      const gone = await gb.GET('/_reference/customers', { params: { query: {} } });
      expect(gone.data!.customers).toEqual([]);

      expect(errors).toEqual([]);
      expect(requested.length).toBeGreaterThan(10);
      expect(requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:'))).toEqual([]);
      expect(blocked).toEqual([]);
    } catch (error) {
      const [tab] = browser.contexts()[0]?.pages() ?? [];
      if (tab) await screenshot(tab, 'failure');
      throw error;
    } finally {
      await browser.close();
    }
  }, 120_000);

  it.skipIf(!browserPath)("shows nothing without the right keys, and never another account's customers", async () => {
    const gb = server.as(timed);
    const customerId = uid('own');
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    const browser = await launch();
    try {
      const { tab, requested } = await watchedTab(browser, server.origin);
      await tab.goto(`${server.origin}/inspector/`);
      await expect.poll(() => tab.getByTestId('open-account').isVisible()).toBe(true);
      expect(requested.filter((url) => url.includes('/api/v4/'))).toEqual([]);
      await openWithKeys(tab, server.origin, { apiKey: timed.apiKey, secretKey: 'wrong' });
      await expect.poll(() => tab.getByRole('alert').innerText()).toBe('These keys were refused.');
      await openWithKeys(tab, server.origin, demo);
      await tab.goto(`${server.origin}/inspector/#/customers?q=${customerId}`);
      await expect.poll(() => tab.getByTestId('customers-empty').isVisible(), { timeout: 15_000 }).toBe(true);
      await tab.goto(`${server.origin}/inspector/#/customers/${customerId}`);
      await expect.poll(() => tab.getByTestId('customer').innerText(), { timeout: 15_000 }).toContain('No such customer.');
      expect(await tab.locator('[data-testid="ledger"]').count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
