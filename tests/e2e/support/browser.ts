/**
 * Debian's Chromium for the end-to-end tests (`playwright install` cannot download on these machines).
 * Missing Chromium fails loudly on CI and skips, with a reason, elsewhere.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.NEKODESK_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const MISSING_CHROMIUM =
  `Chromium was not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) ` +
  'or point NEKODESK_CHROMIUM at it.';

if (!HAS_CHROMIUM && !process.env.CI) {
  console.warn(`Skipping the end-to-end tests. ${MISSING_CHROMIUM}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const BUILT_RENDERER = path.resolve('out', 'renderer');

export function assertBuilt(): void {
  if (!existsSync(path.join(BUILT_RENDERER, 'index.html'))) {
    throw new Error(
      `No built renderer in ${BUILT_RENDERER}: run \`electron-vite build\` first (npm run test:e2e does).`,
    );
  }
}

export const SCREENSHOTS = path.resolve('test-results', 'e2e');

/**
 * Collects what a person would see go wrong on a page: uncaught errors, Content Security Policy violations
 * reported on the console, and failed responses. Tests expect the list to stay empty.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${String(response.status())}`);
  });
  return problems;
}

/** A new light-scheme page of `viewport` size, with `watchPageProblems` already listening. */
export async function openWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport, colorScheme: 'light' });
  return { page, problems: watchPageProblems(page) };
}
