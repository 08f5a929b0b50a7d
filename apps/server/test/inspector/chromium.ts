import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the inspector test leaves its screenshots (git-ignored), for a person to look at. */
export const screenshotsDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export const browserPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
if (process.env.CI === 'true' && !browserPath) {
  throw new Error("CI needs Chromium for the inspector test: install Debian's chromium or set CHROMIUM_PATH.");
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A tab in which every request is recorded twice: by the DevTools protocol (what the page
 * asked for) and by a route that lets only the server's origin through and aborts the rest.
 */
export async function watchedTab(browser: Browser, origin: string): Promise<{ context: BrowserContext; tab: Page; requested: string[]; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const tab = await context.newPage();
  const requested: string[] = [];
  const devtools = await context.newCDPSession(tab);
  devtools.on('Network.requestWillBeSent', (event) => requested.push(event.request.url));
  await devtools.send('Network.enable');
  return { context, tab, requested, blocked };
}

export async function screenshot(tab: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await tab.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}
