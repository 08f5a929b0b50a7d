import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsDir } from '../index.js';
import { browserPath, launch, offlineContext, openDocs, screenshot } from './browser.js';

const specFile = join(docsDir, 'gameball-v4.yaml');
const spec = existsSync(specFile) ? readFileSync(specFile, 'utf8') : '';
/** The error codes the root description lists, each under its own `### <code>` heading. */
const codes = [...spec.matchAll(/^ +### (\d{4})$/gm)].map((match) => match[1]!);

/** Common screen widths of a reader's browser window. */
const WIDTHS = [1280, 1400, 1920];

/**
 * Whatever of the element with this id's section sticks out to the right of its column or of the
 * window: each descendant's right edge, and any content wider than its box.
 */
function overflowOf(tab: Page, id: string) {
  return tab.evaluate((id) => {
    const heading = document.getElementById(id);
    if (!heading?.parentElement) return [`no element with the id ${id}`];
    const column = heading.parentElement;
    const limit = Math.min(column.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
    const out: string[] = [];
    if (column.scrollWidth > column.clientWidth + 1) out.push(`the column scrolls: ${column.scrollWidth} > ${column.clientWidth}`);
    for (const element of [column, ...column.querySelectorAll('*')]) {
      const right = element.getBoundingClientRect().right;
      if (right > limit) out.push(`${element.tagName} "${element.textContent?.slice(0, 40)}" ends at ${Math.round(right)} > ${Math.round(limit)}`);
    }
    for (const table of document.querySelectorAll('table')) {
      const box = table.parentElement?.getBoundingClientRect();
      if (box && table.getBoundingClientRect().right > Math.min(box.right, document.documentElement.clientWidth) + 1) {
        out.push(`a table "${table.textContent?.slice(0, 40)}" is cut off`);
      }
    }
    return out;
  }, id);
}

/** The element is (at least mostly) inside the window. */
function inViewport(tab: Page, id: string) {
  return tab.evaluate((id) => {
    const box = document.getElementById(id)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.top < window.innerHeight - 40 && !document.body.innerText.includes('No page at this address');
  }, id);
}

describe.skipIf(!browserPath)('reading the docs in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists every error code under its own heading', () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(WIDTHS)('shows the error codes whole, nothing cut off or scrolled sideways, at %i px', async (width) => {
    const { context } = await offlineContext(browser, width);
    const tab = await openDocs(context, 'section/errors');
    await expect.poll(() => inViewport(tab, 'section/errors'), { timeout: 15_000 }).toBe(true);
    for (const id of ['section/errors', ...codes.map((code) => `section/errors/${code}`)]) {
      expect(await overflowOf(tab, id), `${id} at ${width} px`).toEqual([]);
    }
    await screenshot(tab, `errors-${width}`);
    await context.close();
  });

  it.each(['1000', '4000', '9008'])("opens the entry of %s from an error body's documentationUrl", async (code) => {
    const { context } = await offlineContext(browser);
    // The server answers with /docs/#section/errors/<code>; the page is the same file.
    const tab = await openDocs(context, `section/errors/${code}`);
    await expect.poll(() => inViewport(tab, `section/errors/${code}`), { timeout: 15_000 }).toBe(true);
    const entry = await tab.evaluate((id) => document.getElementById(id)?.parentElement?.innerText ?? '', `section/errors/${code}`);
    expect(entry).toContain(code);
    await screenshot(tab, `error-${code}`);
    await context.close();
  });

  it('shows the request samples, curl and the typed client, beside an operation', async () => {
    const { context, blocked } = await offlineContext(browser);
    const tab = await openDocs(context, 'operation/redeemPoints');
    // The operation's section (Redoc routes it as <tag>/<operationId>, lower-cased), its samples panel.
    const panel = tab.locator('[id="transactions/redeempoints"] [data-component-name="Panel/Panel"]').filter({ has: tab.locator('pre') }).first();
    await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain("curl -X POST 'http://127.0.0.1:4010/api/v4/integrations/transactions/redeem'");
    expect(await panel.innerText()).toContain("-H 'secretkey: demo_secretkey'");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(tab, 'samples-curl');
    await panel.locator('[data-testid="dropdown"] button', { hasText: 'curl' }).click();
    await tab.locator('span[title="TypeScript"]').click();
    await expect.poll(() => panel.innerText(), { timeout: 5_000 }).toContain("await gameball.POST('/transactions/redeem'");
    expect(await panel.innerText()).toContain("import { createGameballClient } from '@gameball-open/client';");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(tab, 'samples-typescript');
    expect(blocked.filter((url) => !url.startsWith('data:'))).toEqual([]);
    await context.close();
  });
});
