/**
 * Debian's Chromium for the end-to-end tests (`playwright install` cannot download on these machines).
 * Missing Chromium fails loudly on CI and skips, with a reason, elsewhere.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
