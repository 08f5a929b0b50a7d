import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsDir } from '../index.js';
import { browserPath, launch, offlineContext, openDocs, page } from './browser.js';

const html = existsSync(page) ? readFileSync(page, 'utf8') : '';

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
    const browser = await launch();
    try {
      const { context, blocked } = await offlineContext(browser);
      const errors: string[] = [];
      context.on('weberror', (error) => errors.push(error.error().message));
      const tab = await openDocs(context);
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
