import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchesApi, jobIdOf } from '../batches/batches-api.js';
import { demo, freshStorage, startServer, uid, type StorageLocation, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { webhookApi } from '../webhooks/webhook-api.js';
import { browserPath, launch, screenshot, watchedTab } from './chromium.js';

const rowCount = (tab: import('playwright-core').Page, testid: string) => tab.locator(`[data-testid="${testid}"] tbody tr`).count();

describe('the inspector views in Chromium', () => {
  let location: StorageLocation;
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location, { sweepEveryMs: 200 });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
    await location?.drop();
  });

  it.skipIf(!browserPath)('shows a new entry and a hold without a reload, batch items, and webhook deliveries that can be sent again', async () => {
    const gb = server.client();
    const api = pointsApi(gb);
    await webhookApi(gb).subscribe(receiver.url);
    const customerId = await api.customer();
    expect((await api.manual(customerId, 50)).error).toBeUndefined();

    const browser = await launch();
    try {
      const { tab, requested, blocked } = await watchedTab(browser, server.origin);
      await tab.goto(`${server.origin}/inspector/`);
      await tab.getByTestId('api-key').fill(demo.apiKey);
      await tab.getByTestId('secret-key').fill(demo.secretKey);
      await tab.getByTestId('open-account').click();
      await tab.goto(`${server.origin}/inspector/#/customers/${customerId}`);
      await expect.poll(() => rowCount(tab, 'ledger'), { timeout: 15_000 }).toBe(1);
      // A mark on the window: still there afterwards, so the page was not reloaded.
      await tab.evaluate(() => ((globalThis as unknown as { mark: number }).mark = 1));
      expect((await api.manual(customerId, 20)).error).toBeUndefined();
      expect((await api.hold(customerId, { pointsToHold: 10 })).error).toBeUndefined();
      await expect.poll(() => rowCount(tab, 'ledger'), { timeout: 15_000 }).toBe(2);
      await expect.poll(() => rowCount(tab, 'customer-holds'), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => tab.getByTestId('wallet').innerText()).toMatch(/Held\s+10/);
      expect(await tab.locator('[data-testid="ledger"] tbody tr').first().innerText()).toMatch(/ManualAccumulation\s+\+20\s+Active\s+50\s+70\s+manual/);
      expect(await tab.evaluate(() => (globalThis as unknown as { mark?: number }).mark)).toBe(1);
      await screenshot(tab, '5-live-ledger-and-hold');

      const job = jobIdOf(await gb.POST('/batch/customers', { body: { body: [{ customerId: uid('b1') }, { customerId: uid('b2') }] } }));
      await batchesApi(gb).finished(job);
      await tab.getByRole('link', { name: 'Batches' }).click();
      await tab.getByTestId('batch-link').filter({ hasText: String(job) }).click();
      await expect.poll(() => rowCount(tab, 'batch-items'), { timeout: 15_000 }).toBe(2);
      expect(await tab.getByTestId('batch').innerText()).toContain('completed');
      await screenshot(tab, '6-batch-items');

      await receiver.waitFor(1);
      await tab.getByRole('link', { name: 'Webhooks' }).click();
      await expect.poll(() => rowCount(tab, 'deliveries'), { timeout: 15_000 }).toBeGreaterThan(0);
      const before = await rowCount(tab, 'deliveries');
      await tab.getByTestId('deliveries').locator('summary').first().click();
      const [latest] = await webhookApi(gb).deliveries(1);
      expect(await tab.getByTestId('deliveries').locator('code').first().innerText()).toBe(latest!.signature);
      await tab.getByTestId('resend').first().click();
      await expect.poll(() => rowCount(tab, 'deliveries'), { timeout: 15_000 }).toBe(before + 1);
      await expect.poll(async () => receiver.received.some((r) => r.deliveryId === String(latest!.id + 1)), { timeout: 15_000 }).toBe(true);
      await screenshot(tab, '7-webhook-deliveries');

      // Fault injection from the page: the chosen operation fails for the count set, then the page clears it.
      await tab.getByRole('link', { name: 'Faults' }).click();
      await tab.getByTestId('fault-operations').fill('getCustomerBalance');
      await tab.getByTestId('fault-status').selectOption('503');
      await tab.getByTestId('fault-count').fill('2');
      await tab.getByTestId('fault-set').click();
      await expect.poll(() => rowCount(tab, 'faults'), { timeout: 15_000 }).toBe(1);
      const balance = () => gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
      const hit = await balance();
      expect([hit.response.status, (hit.error as { code?: number } | undefined)?.code]).toEqual([503, 5000]);
      await expect.poll(async () => (await tab.getByTestId('faults').innerText()).includes('getCustomerBalance'), { timeout: 15_000 }).toBe(true);
      // The test's request used one of the two (a view polling the wallet may have used the other).
      const [set] = (await gb.GET('/_reference/faults', {})).data!.faults;
      expect(set).toMatchObject({ operationIds: ['getCustomerBalance'], status: 503, count: 2 });
      expect(set!.remaining).toBeLessThan(2);
      await screenshot(tab, '8-faults');
      await tab.getByTestId('fault-clear').click();
      await expect.poll(async () => (await gb.GET('/_reference/faults', {})).data?.faults, { timeout: 15_000 }).toEqual([]);
      expect((await balance()).response.status).toBe(200);

      expect(requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:'))).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
