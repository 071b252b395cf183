// Shared pieces of the picker tests: a real nekos.best client over the fake, a real cache, a recording clipboard.
import path from 'node:path';
import type { Artwork } from '../../../main/core/artwork';
import { DownloadCache } from '../../../main/core/cache';
import type { ClipboardPayload, ClipboardWriter } from '../../../main/core/clipboard';
import type { Clock } from '../../../main/core/clock';
import { systemClock } from '../../../main/core/clock';
import { HttpClient } from '../../../main/core/http/http-client';
import { NO_RATE_LIMIT } from '../../../main/core/http/upstream-limits';
import {
  MemoryPickerStore,
  PickerService,
  type PickerNekosBest,
  type PickerOptions,
  type PickerStore,
} from '../../../main/core/picker';
import { pickerSettingsSchema, type PickerSettings } from '../../../main/core/settings/settings-schema';
import { NekosBestClient } from '../../../main/core/sources/nekos-best/client';

/** A real HttpClient with no client-side limits (the picker's own search limit is what is tested). */
export function testClient(baseUrl: string): NekosBestClient {
  const http = new HttpClient({
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    limits: {
      'nekos.best:asset': NO_RATE_LIMIT,
      'nekos.best:category': NO_RATE_LIMIT,
      'nekos.best:search': NO_RATE_LIMIT,
    },
    retry: { maxAttempts: 1 },
  });
  return new NekosBestClient(http, baseUrl);
}

export class RecordingClipboard implements ClipboardWriter {
  readonly name = 'recording';
  readonly writes: ClipboardPayload[] = [];
  write(payload: ClipboardPayload): Promise<void> {
    this.writes.push(payload);
    return Promise.resolve();
  }
}

export interface Harness {
  picker: PickerService;
  cache: DownloadCache;
  clipboard: RecordingClipboard;
  store: PickerStore;
  settings: PickerSettings;
}

export async function makePicker(options: {
  dir: string;
  nekosBest: () => PickerNekosBest;
  clock?: Clock;
  store?: PickerStore;
  cache?: DownloadCache;
  settings?: Partial<PickerSettings>;
  picker?: PickerOptions;
}): Promise<Harness> {
  const cache =
    options.cache ??
    (await DownloadCache.open({
      root: path.join(options.dir, 'cache', 'artwork'),
      http: new HttpClient({
        fetch: (input, init) => fetch(input, init),
        clock: systemClock,
        limits: { 'nekos.best:asset': NO_RATE_LIMIT },
        retry: { maxAttempts: 1 },
      }),
    }));
  const clipboard = new RecordingClipboard();
  const store = options.store ?? new MemoryPickerStore();
  const settings = pickerSettingsSchema.parse(options.settings ?? {});
  const picker = new PickerService(
    {
      nekosBest: options.nekosBest,
      cache,
      clipboard,
      store,
      clock: options.clock ?? systemClock,
      settings: () => settings,
    },
    options.picker,
  );
  return { picker, cache, clipboard, store, settings };
}

export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

export function ids(artworks: readonly Artwork[]): string[] {
  return artworks.map((artwork) => artwork.id);
}
