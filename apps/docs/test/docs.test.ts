import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docsDir } from '../index.js';

const page = join(docsDir, 'index.html');
const html = existsSync(page) ? readFileSync(page, 'utf8') : '';

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}
const browserPath = findChromium();
if (process.env.CI === 'true' && !browserPath) {
  throw new Error('CI needs Chromium for the docs test: install Debian\'s chromium or set CHROMIUM_PATH.');
}

describe('the docs site', () => {
  it('is built', () => {
    expect(html.length, `${page} is missing: run pnpm build first`).toBeGreaterThan(0);
  });

  it('loads nothing from the network: no external scripts, styles or fonts', () => {
    const external = [
      ...html.matchAll(/<script[^>]+src=["']?(https?:)?\/\//gi),
      ...html.matchAll(/<link[^>]+href=["']?(https?:)?\/\//gi),
      ...html.matchAll(/@import\s+url\(["']?https?:/gi),
    ];
    expect(external.map((m) => m[0])).toEqual([]);
    expect(html).not.toContain('cdn.redocly.com/redoc/');
    expect(html).not.toContain('cdn.redoc.ly/');
  });

  it.skipIf(!browserPath)('renders every operation in Chromium with all network requests blocked', async () => {
    const browser = await chromium.launch({
      executablePath: browserPath!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext();
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(pathToFileURL(page).href);
      // The search box says "Loading..." until the Redoc script has run.
      await expect
        .poll(() => tab.locator('[data-testid="search-trigger"]').innerText(), { timeout: 30_000 })
        .toContain('Search');
      const spec = readFileSync(join(docsDir, 'gameball-v4.yaml'), 'utf8');
      const tags = [...spec.matchAll(/^\s+- name: (.+)\n\s+description:/gm)].map((m) => m[1]!.trim());
      const summaries = [...spec.matchAll(/^ {6}summary: (.+)$/gm)].map((m) => m[1]!);
      expect(summaries.length).toBeGreaterThan(5);
      // Redoc renders a tag's operations when the tag is opened.
      let text = '';
      for (const tag of tags) {
        await tab.getByText(tag, { exact: true }).first().click();
        await tab.waitForTimeout(500);
        text += await tab.locator('body').innerText();
      }
      for (const summary of summaries) expect(text, summary).toContain(summary.replace(/^'|'$/g, ''));
      expect(errors).toEqual([]);
      expect(blocked.filter((url) => !url.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
