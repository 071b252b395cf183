import type { Page } from 'playwright-core';
import type { CallResult, PickerItem } from '../../preload/contract';

/**
 * Makes the picker page show `urlOf(item)` (an original GIF) in every tile instead of the core's previews: the
 * `picker:browse` answer is rewritten on its way to the page, both preview URLs replaced, so the page never asks
 * for previews. The rest of the page, and the harness behind it, run unchanged.
 */
export async function showOriginals(page: Page, urlOf: (item: PickerItem) => string): Promise<void> {
  await page.route('**/__nekodesk/call/picker:browse', async (route) => {
    const response = await route.fetch();
    const result = (await response.json()) as CallResult<'picker:browse'>;
    const json: CallResult<'picker:browse'> = result.ok
      ? {
          ok: true,
          data: {
            ...result.data,
            items: result.data.items.map((item) => ({
              ...item,
              previewUrl: urlOf(item),
              posterUrl: urlOf(item),
            })),
          },
        }
      : result;
    await route.fulfill({ response, json });
  });
}
