import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { docsDir } from '../index.js';

/** The built page, opened from the disk as a file. */
export const page = join(docsDir, 'index.html');

/** Where the docs tests leave their screenshots (git-ignored), for a person to look at. */
export const screenshotsDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export const browserPath = findChromium();
if (process.env.CI === 'true' && !browserPath) {
  throw new Error('CI needs Chromium for the docs test: install Debian\'s chromium or set CHROMIUM_PATH.');
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context in which every request but for local files is refused and recorded. */
export async function offlineContext(browser: Browser, width = 1400): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { context, blocked };
}

/** Opens the docs at a fragment (`section/errors/9008`) and waits until Redoc has rendered them. */
export async function openDocs(context: BrowserContext, fragment = ''): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`${pathToFileURL(page).href}${fragment ? `#${fragment}` : ''}`);
  // The search box says "Loading..." until the Redoc script has run.
  await expect
    .poll(() => tab.locator('[data-testid="search-trigger"]').innerText(), { timeout: 30_000 })
    .toContain('Search');
  return tab;
}

export async function screenshot(tab: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await tab.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}
