import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../harness/server';
import { HAS_CHROMIUM, SCREENSHOTS, openWatchedPage } from './support/browser';
import { useE2eEnvironment } from './support/e2e-environment';

describe.skipIf(!HAS_CHROMIUM)('the Wallpaper panel in Chromium, through the web harness', () => {
  const environment = useE2eEnvironment({ fakes: ['nekosia', 'nekosBest'], name: 'wallpaper' });
  let harness: Harness;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    harness = environment.current.harness;
    ({ page, problems } = await openWatchedPage(environment.current.browser, { width: 1100, height: 760 }));
  }, 60_000);

  it('changes the wallpaper with Next and shows the image and its artist', async () => {
    await page.goto(harness.url);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Wallpaper' })
      .click();
    await page.getByText('No wallpaper from Nekodesk yet.', { exact: false }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const image = page.locator('section[aria-labelledby="now-title"] img');
    await image.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(
      `(() => { const img = document.querySelector('section[aria-labelledby="now-title"] img'); return img !== null && img.complete && img.naturalWidth > 0; })()`,
      undefined,
      { timeout: 15_000 },
    );
    expect(
      await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await image.getAttribute('src')).toMatch(/^\/__nekodesk\/cache\/[0-9a-f]{64}$/);

    const credits = page.locator('section[aria-labelledby="now-title"] dl');
    await credits.getByText('Artist').waitFor();
    const artist = (await credits.locator('dd').first().textContent())?.trim() ?? '';
    // The artist of the artwork the core shows (the fakes leave some artists unknown, as the real services do).
    const expected = await page.evaluate<string | null>(
      `(async () => { const s = await window.nekodesk.wallpaper.state(); return s.ok ? (s.data.current[0]?.artwork.artist?.name ?? null) : 'state failed'; })()`,
    );
    expect(artist).toBe(expected ?? 'Unknown');
    expect(harness.shownWallpapers()).toHaveLength(1);

    // The history fills in as a thumbnail grid.
    await page.getByRole('list', { name: 'History' }).getByRole('img').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // let the fade-in finish before the screenshot
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wallpaper.png') });
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows the rotation settings with Nekosia tag suggestions', async () => {
    await page.getByRole('tab', { name: 'Rotation settings' }).click();
    await page.getByLabel('Change every (minutes)').fill('0');
    await page.getByRole('button', { name: 'Save wallpaper settings' }).click();
    await page.getByText('Choose between 1 minute and 24 hours (1440 minutes).').waitFor();
    await page.getByLabel('Change every (minutes)').fill('15');
    await page.getByRole('button', { name: 'Save wallpaper settings' }).click();
    await page.getByText('Wallpaper settings saved.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wallpaper-settings.png') });
    expect(problems).toEqual([]);
  }, 30_000);
});
