import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import { HAS_CHROMIUM, SCREENSHOTS, openWatchedPage } from './support/browser';
import { useE2eEnvironment } from './support/e2e-environment';

const TILES = 'ul[aria-label="Reactions"] button[data-artwork]';

/** Waits until the grid shows at least `count` tiles with their picture loaded. */
async function picturesLoaded(page: Page, count: number): Promise<void> {
  // Polled from here: a string predicate would be eval'd in the page, which its CSP forbids.
  await expect
    .poll(
      () =>
        page
          .locator(`${TILES} img`)
          .evaluateAll(
            (images) =>
              images.filter(
                (img) =>
                  (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
                  (img as unknown as { naturalWidth: number }).naturalWidth > 0,
              ).length,
          ),
      { timeout: 45_000, interval: 250 },
    )
    .toBeGreaterThanOrEqual(count);
}

describe.skipIf(!HAS_CHROMIUM)('the reaction picker in Chromium, through the web harness', () => {
  const environment = useE2eEnvironment({ fakes: ['nekosBest'], name: 'picker' });
  let harness: Harness;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    harness = environment.current.harness;
    ({ page, problems } = await openWatchedPage(environment.current.browser, { width: 460, height: 540 }));
  }, 60_000);

  it('opens on the first reaction category with animated previews, in light and dark', async () => {
    await page.goto(`${harness.url}picker`);
    expect(await page.locator('#picker-search:focus').count()).toBe(1);
    // Nothing copied yet: the first GIF category is chosen, and its previews load.
    await page.locator('ul[aria-label="Reaction categories"] button[aria-pressed="true"]').waitFor();
    await picturesLoaded(page, 4); // the fake holds 5 GIFs per category
    const src = await page.locator(`${TILES} img`).first().getAttribute('src');
    expect(src).toMatch(/^\/__nekodesk\/cache\/p\/[0-9a-f]{64}-\d+(-poster)?$/);

    await page.locator(TILES).nth(1).hover();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'picker-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'picker-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
  }, 120_000);

  it('types a query, arrows to a result and copies it with Enter and Shift+Enter', async () => {
    const search = page.getByRole('searchbox', { name: 'Search reactions' });
    await search.click();
    await search.fill('a');
    // nekos.best answers after the core's debounce; then the remote results join the local ones.
    await page
      .getByRole('status', { name: 'Searching nekos.best' })
      .waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator(TILES).nth(1).waitFor();
    await search.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const focused = page.locator(`${TILES}:focus`);
    const artworkId = await focused.getAttribute('data-artwork');
    expect(await focused.getAttribute('data-index')).toBe('1');

    await page.keyboard.press('Enter');
    await page.getByText(/^Copied “.+” as a file$/).waitFor({ timeout: 30_000 });
    expect(harness.picker.copies[0]).toMatchObject({ artworkId, mode: 'file' });
    expect(harness.picker.copies[0]?.files).toHaveLength(1);

    await page.keyboard.press('Shift+Enter');
    await page.getByText(/^Copied “.+” as a link$/).waitFor({ timeout: 30_000 });
    expect(harness.picker.copies[1]).toMatchObject({ artworkId, mode: 'link', files: [] });
    expect(harness.picker.copies[1]?.text).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\.gif$/);

    await page.keyboard.press('Escape');
    await expect.poll(() => harness.picker.hides).toBe(1);
    expect(problems).toEqual([]);
  }, 90_000);
});
