import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import { HAS_CHROMIUM, MISSING_CHROMIUM, SCREENSHOTS } from './support/browser';
import { useE2eEnvironment } from './support/e2e-environment';

// On CI a missing browser is a broken machine, not a reason to skip.
it.runIf(!HAS_CHROMIUM && Boolean(process.env.CI))('has Chromium to drive', () => {
  expect.fail(MISSING_CHROMIUM);
});

describe.skipIf(!HAS_CHROMIUM)('main window in Chromium, through the web harness', () => {
  const environment = useE2eEnvironment({ fakes: ['nekosBest'], name: 'main' });
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const problems = {
    cspViolations: [] as string[],
    pageErrors: [] as string[],
    failedRequests: [] as string[],
  };

  beforeAll(async () => {
    ({ harness, browser } = environment.current);
    page = await watchedPage(browser, { width: 1100, height: 760 }, problems);
  });

  it('lists the nekos.best categories from the fake, images apart from GIFs', async () => {
    await page.goto(harness.url);

    const images = page.getByRole('list', { name: 'Images' });
    const gifs = page.getByRole('list', { name: 'GIFs' });
    await expectVisible(images.getByText('Neko', { exact: true }));
    await expectVisible(gifs.getByText('Hug', { exact: true }));
    expect(await gifs.getByText('Neko', { exact: true }).count()).toBe(0);
    expect(await images.getByText('Hug', { exact: true }).count()).toBe(0);
    await expectVisible(page.getByText('Version 0.1.0'));

    await page.screenshot({ path: path.join(SCREENSHOTS, 'main-window.png') });
  });

  it('ran under the CSP without a violation or an error', () => {
    expect(problems).toEqual({ cspViolations: [], pageErrors: [], failedRequests: [] });
  });

  it('shows notices from main as toasts', async () => {
    harness.emit('app:notice', { level: 'warning', message: 'Your settings file was repaired.' });
    const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
    await expectVisible(toast.getByText('Your settings file was repaired.'));
    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    expect(await toast.count()).toBe(0);
  });

  it('saves settings through the real core, and shows refusals inline', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click();
    const nekosia = page.getByLabel('Nekosia API');
    await nekosia.fill('ftp://mirror.example');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Enter an http:// or https:// address.'));

    await nekosia.fill('http://127.0.0.1:9/api/v1');
    await page.getByRole('switch', { name: 'Launch at login' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByRole('status').getByText('Settings saved.'));
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings.png') });
    expect(problems).toEqual({ cspViolations: [], pageErrors: [], failedRequests: [] });
  });

  it('serves the picker with its search box focused', async () => {
    const picker = await watchedPage(browser, { width: 440, height: 420 }, problems);
    await picker.goto(`${harness.url}picker`);
    await expectVisible(picker.getByRole('button', { name: 'Hug' }));
    // (Strings, not functions: this file is type-checked for Node, without the DOM's types.)
    expect(await picker.evaluate('document.activeElement?.id')).toBe(
      await picker.getByRole('searchbox', { name: 'Search reactions' }).getAttribute('id'),
    );
    // Typing searches (tests/e2e/picker.test.ts covers results and copying); the chips stay.
    await picker.keyboard.type('hu');
    expect(await picker.getByRole('searchbox', { name: 'Search reactions' }).inputValue()).toBe('hu');
    await expectVisible(picker.getByRole('list', { name: 'Reactions' }));
    expect(
      (
        await picker.getByRole('list', { name: 'Reaction categories' }).getByRole('button').allTextContents()
      ).map((label) => label.trim()),
    ).toContain('Hug');
    await picker.screenshot({ path: path.join(SCREENSHOTS, 'picker.png') });
    await picker.close();
    expect(problems).toEqual({ cspViolations: [], pageErrors: [], failedRequests: [] });
  });
});

/** A page whose CSP violations, uncaught errors and failed requests are collected in `problems`. */
async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  problems: { cspViolations: string[]; pageErrors: string[]; failedRequests: string[] },
): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme: 'light' });
  page.on('console', (message: ConsoleMessage) => {
    if (/content security policy/i.test(message.text())) problems.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => {
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  // Chromium logs most violations; this also reports those it only dispatches as events.
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI);
    });
  `);
  return page;
}

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
}
