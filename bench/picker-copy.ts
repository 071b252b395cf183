import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DownloadCache } from '../main/core/cache';
import type { ClipboardPayload, ClipboardWriter } from '../main/core/clipboard';
import { systemClock } from '../main/core/clock';
import { createCore } from '../main/core/create-core';
import { MemoryPickerStore, PickerService } from '../main/core/picker';
import { pickerSettingsSchema } from '../main/core/settings/settings-schema';
import { startFakeNekosBest } from '../tests/fakes';
import type { Benchmark, Figure } from './figure';

const LATENCY_MS = 100;
const TRIALS = 10;

/** Records when the clipboard port was written: "Enter → clipboard ready" ends there. */
class TimedClipboard implements ClipboardWriter {
  readonly name = 'bench';
  writtenAt = 0;
  write(_payload: ClipboardPayload): Promise<void> {
    this.writtenAt = performance.now();
    return Promise.resolve();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const pickerCopy: Benchmark = {
  name: 'picker copy',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'nekodesk-bench-picker-'));
    const fake = await startFakeNekosBest({ latencyMs: LATENCY_MS, enforceRateLimits: false });
    try {
      const core = createCore({
        urls: {
          nekosBestUrl: fake.baseUrl,
          nekosiaUrl: 'http://127.0.0.1:9',
          whatanimeUrl: 'http://127.0.0.1:9',
        },
      });
      const cache = await DownloadCache.open({ root: path.join(dir, 'cache', 'artwork'), http: core.http });
      const clipboard = new TimedClipboard();
      const settings = pickerSettingsSchema.parse({});
      const picker = new PickerService({
        nekosBest: () => core.nekosBest,
        cache,
        clipboard,
        store: new MemoryPickerStore(),
        clock: systemClock,
        settings: () => settings,
      });
      const artworks = (
        await Promise.all(['wave', 'hug', 'pat'].map((chip) => picker.browse(chip, { limit: 5 })))
      ).flatMap((page) => page.artworks);
      const uncached: number[] = [];
      const cached: number[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const artwork = artworks[trial];
        if (artwork === undefined) throw new Error('not enough GIFs to measure');
        let started = performance.now();
        await picker.copy(artwork.id, 'file'); // not cached yet: downloaded on demand
        uncached.push(clipboard.writtenAt - started);
        started = performance.now();
        await picker.copy(artwork.id, 'file'); // now cached
        cached.push(clipboard.writtenAt - started);
      }
      await cache.close();
      return [
        {
          name: 'picker Enter → clipboard ready, cached GIF (median ms)',
          value: median(cached),
          baseline: median(uncached),
          digits: 2,
          note: `baseline: the same GIF uncached (download on demand, nekos.best +${LATENCY_MS} ms); ${TRIALS} GIFs, mode file, real cache`,
          target: { atMost: 20 },
        },
      ];
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
