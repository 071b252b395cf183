/**
 * Debian's Chromium for the picker benchmarks, headless, started by us and attached over CDP with Playwright's
 * `noDefaults`. Why not `chromium.launch()` like the end-to-end tests: Playwright turns on focus emulation for
 * every page it opens, and Chromium implements that as a capture of the tab, which keeps it "visible" whatever
 * happens to its window. A picker shown and hidden needs a page that really goes hidden (rendering stopped,
 * raster tiles dropped) and comes back, so the page here lives in the browser's own default context,
 * which Playwright leaves alone with `noDefaults`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';
import { CHROMIUM_PATH, HAS_CHROMIUM, MISSING_CHROMIUM } from '../../tests/e2e/support/browser';

export interface BenchChromium {
  browser: Browser;
  /** The browser's own context: no focus emulation, so its windows can really be hidden. */
  context: BrowserContext;
  /** Total CPU seconds each kind of Chromium process has used so far (`renderer`, `GPU`, `browser`, …). */
  cpuSeconds(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export { HAS_CHROMIUM, MISSING_CHROMIUM };

/** The same switches as the end-to-end tests, and the headless ones Playwright adds to its own launches. */
const SWITCHES = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--hide-scrollbars',
  '--mute-audio',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-component-update',
  '--disable-sync',
  '--password-store=basic',
  '--force-color-profile=srgb',
  '--remote-debugging-port=0',
];

export async function launchBenchChromium(): Promise<BenchChromium> {
  if (!HAS_CHROMIUM) throw new Error(MISSING_CHROMIUM);
  const profile = await mkdtemp(path.join(tmpdir(), 'nekodesk-bench-chromium-'));
  const child = spawn(CHROMIUM_PATH, [...SWITCHES, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let browser: Browser;
  let session: CDPSession;
  let context: BrowserContext;
  try {
    const endpoint = await devToolsEndpoint(child);
    browser = await chromium.connectOverCDP(endpoint, { noDefaults: true, isLocal: true });
    session = await browser.newBrowserCDPSession();
    const [own] = browser.contexts();
    if (own === undefined) throw new Error('Chromium started without its default context.');
    context = own;
  } catch (error) {
    child.kill('SIGKILL');
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
  return {
    browser,
    context,
    cpuSeconds: async () => {
      const { processInfo } = await session.send('SystemInfo.getProcessInfo');
      const totals = new Map<string, number>();
      for (const process of processInfo) {
        totals.set(process.type, (totals.get(process.type) ?? 0) + process.cpuTime);
      }
      return totals;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      // Chromium's network process may still be flushing into the profile for a moment: retried.
      await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Chromium prints `DevTools listening on ws://…` on stderr once it accepts CDP connections. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const timer = setTimeout(() => {
      reject(new Error(`Chromium did not open its DevTools port within 20 s:\n${output.slice(-2000)}`));
    }, 20_000);
    // Read to the end, so Chromium never blocks on a full pipe; only the start is kept.
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (listening) return;
      output += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        listening = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Chromium exited at start (${signal ?? `code ${String(code)}`}):\n${output.slice(-2000)}`),
      );
    });
  });
}

/** The window of one page: shown and hidden as the app shows and hides the picker window (minimized = hidden). */
export interface PageWindow {
  show(): Promise<void>;
  hide(): Promise<void>;
  /** Sizes the window so the page's viewport is `width` x `height` CSS pixels. */
  fitViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export async function pageWindow(page: Page): Promise<PageWindow> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const state = async (windowState: 'normal' | 'minimized'): Promise<void> => {
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState } });
  };
  const resize = async (width: number, height: number): Promise<void> => {
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width, height } });
  };
  return {
    show: () => state('normal'),
    hide: () => state('minimized'),
    fitViewport: async (width, height) => {
      // Headless Chromium still keeps room for a tab strip: measure it once, then size the window around it.
      await resize(width, height);
      const inner = await page.evaluate(() => {
        const { innerWidth: width, innerHeight: height } = globalThis as unknown as PageGlobals;
        return { width, height };
      });
      await resize(2 * width - inner.width, 2 * height - inner.height);
    },
    close: () => cdp.detach(),
  };
}
