import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { animeFrame } from '../fakes/whatanime-screenshot';
import { HAS_CHROMIUM, SCREENSHOTS, openWatchedPage } from './support/browser';
import { useE2eEnvironment } from './support/e2e-environment';

const CANDIDATES = 'ol[aria-label="Candidates"] > li';
/** How long a list may take: the core downloads its covers or stills (through the fake) before answering. */
const LIST_WAIT_MS = 30_000;

/** Drops a file on the drop zone the way a browser does: a real DataTransfer holding a real File. */
async function dropPng(page: Page, png: Buffer, name: string): Promise<void> {
  // A string, not a function: this file is type-checked for Node, without the DOM's types.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: 'image/png' }));
    return transfer;
  })()`);
  const zone = page.getByRole('group', { name: 'Drop zone' });
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}

/** Whether `locator`'s element has the keyboard's focus (typed loosely: this file has Node's types, not the DOM's). */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (node) => (node as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === node,
  );
}

/** Waits until every image in `selector` that has a source has loaded (polled here: the page's CSP forbids eval). */
async function imagesLoaded(page: Page, selector: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.locator(`${selector} img`).evaluateAll((images) =>
          images.every((img) => {
            const image = img as unknown as { complete: boolean; naturalWidth: number };
            return image.complete && image.naturalWidth > 0;
          }),
        ),
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
}

describe.skipIf(!HAS_CHROMIUM)('screenshot identification in Chromium, through the web harness', () => {
  const environment = useE2eEnvironment({ fakes: ['whatanime'], name: 'identify' });
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    ({ page, problems } = await openWatchedPage(environment.current.browser, { width: 1100, height: 820 }));
    await page.goto(environment.current.harness.url);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Identify' })
      .click();
  }, 60_000);

  it('identifies a dropped PNG: every candidate with its title, moment, similarity and unlikely mark', async () => {
    const png = await animeFrame({ width: 1280, height: 720, bars: { top: 90, bottom: 90 }, seed: 7 });
    await dropPng(page, png, 'frieren-ep5.png');

    await page.getByRole('heading', { name: 'Results for frieren-ep5.png' }).waitFor({ timeout: 30_000 });
    const cards = page.locator(CANDIDATES);
    expect(await cards.count()).toBe(5);
    for (let index = 0; index < 5; index++) {
      const card = cards.nth(index);
      expect((await card.getByRole('heading').textContent())?.trim()).not.toBe('');
      expect(await card.locator('time').textContent()).toMatch(/^(\d+:)?\d{2}:\d{2}(–(\d+:)?\d{2}:\d{2})?$/);
      expect(await card.getByText(/^\d{1,3}\.\d%$/).count()).toBe(1);
    }
    // The fake scores its candidates 96, 91, 86, 82 and 79%: the last three are under 87%.
    expect(await page.locator(CANDIDATES).filter({ hasText: 'Unlikely' }).count()).toBe(3);
    expect(await cards.first().getByText('Best match').count()).toBe(1);

    // The fake received the cleaned image: borders cropped, re-encoded as JPEG.
    const upload = environment.current.fakes.whatanime.lastUpload();
    expect(upload?.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    await page.getByText(/^Uploaded .*, 1280×540, borders cropped$/).waitFor();

    // Previews come through the harness's cache path, and load.
    expect(await page.locator(`${CANDIDATES} img`).first().getAttribute('src')).toMatch(
      /^\/__nekodesk\/cache\/i\/[0-9a-f]+\.jpg$/,
    );
    await imagesLoaded(page, 'section[aria-labelledby="identify-result-title"]');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'identify-results.png') });
    await cards.nth(2).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'identify-candidates.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'identify-results-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
  }, 90_000);

  it('identifies a full-size screenshot chosen with the picker (megabytes through the bridge)', async () => {
    // A 1440p PNG screenshot is several megabytes: more than fits a small request, as a real one does.
    const png = await animeFrame({ width: 2560, height: 1440, seed: 11 });
    expect(png.byteLength).toBeGreaterThan(4_000_000);
    await page
      .getByLabel('Image file to identify')
      .setInputFiles({ name: 'chosen-frame.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('heading', { name: 'Results for chosen-frame.png' }).waitFor({ timeout: 30_000 });
    expect(await page.locator(CANDIDATES).count()).toBe(5);
    // Downscaled to 1280 px on the long edge before the upload.
    await page.getByText(/^Uploaded .* \(from \d+(\.\d)? MB\), 1280×720$/).waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('refuses a file that is not an image before sending anything', async () => {
    const searches = environment.current.fakes.whatanime.requests.length;
    await page
      .getByLabel('Image file to identify')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('“notes.txt” is not an image.', { exact: false }).waitFor();
    expect(environment.current.fakes.whatanime.requests.length).toBe(searches);
  });

  it('keeps the keyboard’s place: results, AniList, history', async () => {
    const url = 'https://images.example/keyboard-frame.jpg';
    await page.getByLabel('Or an image address').fill(url);
    // The button disables itself while the search runs (Chromium then drops its focus): focus moves to the results.
    await page.getByRole('button', { name: 'Identify URL' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Results for ${url}` });
    await heading.waitFor({ timeout: 30_000 });
    await expect.poll(() => hasFocus(heading)).toBe(true);

    // Tab through to the first candidate's AniList link and open it from the keyboard.
    const open = page
      .locator(CANDIDATES)
      .first()
      .getByRole('button', { name: /^Open .* on AniList$/ });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => environment.current.harness.openedUrls.at(-1))
      .toMatch(/^https:\/\/anilist\.co\/anime\/\d+$/);

    await page.getByRole('tab', { name: 'History' }).click();
    const rows = page.getByRole('list', { name: 'Identification history' }).getByRole('listitem');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3); // the drop, the chosen file and the URL
    await rows.first().getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    const entry = page.getByRole('heading', { name: `Results for ${url}` });
    await expect.poll(() => hasFocus(entry)).toBe(true);
    await page.getByRole('button', { name: '← Back to history' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(rows.first().getByRole('button').first())).toBe(true);
    expect(problems).toEqual([]);
  }, 90_000);

  it('browses the rankings: period switch, and adult entries shown by the setting', async () => {
    await page
      .getByRole('tablist', { name: 'Identify sections' })
      .getByRole('tab', { name: 'Browse' })
      .click();
    const list = page.getByRole('list', { name: /^Rankings/ });
    const pages = page.getByRole('navigation', { name: 'Rankings pages' });
    await list.waitFor({ timeout: LIST_WAIT_MS });
    // The fake ranks nine anime, two of them adult: one page of seven.
    await pages.getByText('1–7 of 7').waitFor();
    expect(await pages.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    expect(await pages.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    await page.getByText('2 adult entries hidden.', { exact: false }).waitFor();
    const weekly = await list.locator('li').first().textContent();

    await page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => list.locator('li').first().textContent(), { timeout: 15_000 }).not.toBe(weekly);
    expect(await page.getByRole('button', { name: 'All time' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'This week' }).getAttribute('aria-pressed')).toBe('false');
    await imagesLoaded(page, 'ol[aria-label^="Rankings"]');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'identify-rankings.png') });

    // Showing adult entries is a setting; the open list follows it.
    await page.evaluate(`window.nekodesk.settings.update({ identify: { showAdult: true } })`);
    await pages.getByText('1–9 of 9').waitFor({ timeout: LIST_WAIT_MS });
    expect(await page.getByText('adult entries hidden', { exact: false }).count()).toBe(0);
    expect(await list.getByText('18+', { exact: false }).count()).toBe(2);
    expect(problems).toEqual([]);
  }, 90_000);

  it('pages through recent public searches', async () => {
    await page.getByRole('tab', { name: 'Recent searches' }).click();
    const grid = page.getByRole('list', { name: 'Recent searches', exact: true });
    const pages = page.getByRole('navigation', { name: 'Recent searches pages' });
    await grid.waitFor({ timeout: LIST_WAIT_MS });
    await pages.getByText('1–20 of 30').waitFor();
    expect(await grid.locator('li').count()).toBe(20);
    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByText('21–30 of 30').waitFor({ timeout: LIST_WAIT_MS });
    expect(await grid.locator('li').count()).toBe(10);
    expect(await pages.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await pages.getByRole('button', { name: 'Previous' }).click();
    await pages.getByText('1–20 of 30').waitFor({ timeout: LIST_WAIT_MS });
    expect(problems).toEqual([]);
  }, 90_000);
});
