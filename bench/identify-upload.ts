import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../main/core/create-core';
import { NO_RATE_LIMIT, UPSTREAM_RATE_LIMITS } from '../main/core/http';
import { openIdentifyService } from '../main/core/identify';
import type { SecretName, SecretStore } from '../main/core/secrets';
import { identifySettingsSchema } from '../main/core/settings/settings-schema';
import { startFakeWhatAnime } from '../tests/fakes';
import { animeFrame } from '../tests/fakes/whatanime-screenshot';
import type { Benchmark, Figure } from './figure';

/**
 * A home connection's upstream: 10 Mbit/s (1.25 MB/s). Typical cable and DSL plans upload at 5–20 Mbit/s, far
 * below their download speed, which is why the size of an upload is what a person waits for.
 */
const UPLOAD_BYTES_PER_SECOND = 1_250_000;
/** The service's own time to match, the same for both uploads. */
const SERVICE_MS = 150;
const TRIALS = 3;

const noSecrets: SecretStore = {
  get: (_name: SecretName) => null,
  set: () => undefined,
  delete: () => undefined,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Bytes uploaded and time to result for a 4K PNG screenshot: cleaned first (upright, bars cropped, ≤1280 px,
 * JPEG, no metadata) against the raw file sent as it is, over the same simulated upstream.
 */
export const identifyUpload: Benchmark = {
  name: 'identify upload',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'nekodesk-bench-identify-'));
    // Cel-shaded shapes, outlines, a subtitle and light grain: ~10 MiB as PNG, like a real 4K anime screenshot.
    const png = await animeFrame({ width: 3840, height: 2160, seed: 7, grain: 3 });
    const fake = await startFakeWhatAnime({
      enforceRateLimits: false,
      guestDailyLimit: 1_000,
      latencyMs: SERVICE_MS,
      uploadBytesPerSecond: UPLOAD_BYTES_PER_SECOND,
    });
    try {
      const core = createCore({
        urls: {
          nekosBestUrl: 'http://127.0.0.1:9',
          nekosiaUrl: 'http://127.0.0.1:9',
          whatanimeUrl: fake.origin,
        },
        // Our own pacing of searches (one per 2 s) is not what is measured here. The bench searches as a guest,
        // so the guest's limiter is the one that would otherwise hold the raw upload back behind the cleaned one.
        http: {
          limits: {
            ...UPSTREAM_RATE_LIMITS,
            'whatanime:search': NO_RATE_LIMIT,
            'whatanime:search:guest': NO_RATE_LIMIT,
          },
        },
      });
      const settings = identifySettingsSchema.parse({ keepHistory: false });
      const service = await openIdentifyService({
        whatanime: () => core.whatanime,
        http: () => core.http,
        dataDir: path.join(dir, 'data'),
        cacheDir: path.join(dir, 'cache'),
        secrets: noSecrets,
        secureStorage: false,
        settings: () => settings,
        imageUrl: (key) => key,
        previews: 'none',
      });
      const bodyBytes = (): number => fake.requests.at(-1)?.body.length ?? Number.NaN;
      const cleaned = { ms: [] as number[], bytes: 0 };
      const raw = { ms: [] as number[], bytes: 0 };
      for (let trial = 0; trial < TRIALS; trial++) {
        let started = performance.now();
        await service.identifyImage(png, { name: 'screenshot-4k.png', source: 'drop' });
        cleaned.ms.push(performance.now() - started);
        cleaned.bytes = bodyBytes();

        started = performance.now();
        await core.whatanime.search({
          image: { bytes: new Uint8Array(png), fileName: 'screenshot-4k.png', contentType: 'image/png' },
        });
        raw.ms.push(performance.now() - started);
        raw.bytes = bodyBytes();
      }
      const link = `${(UPLOAD_BYTES_PER_SECOND * 8) / 1_000_000} Mbit/s upload`;
      return [
        {
          name: 'identify: bytes uploaded for a 4K PNG screenshot, cleaned',
          value: cleaned.bytes,
          baseline: raw.bytes,
          note: `baseline: the same ${(png.length / 1048576).toFixed(1)} MiB PNG uploaded raw; multipart bodies as the fake received them`,
        },
        {
          name: 'identify: time to result for a 4K PNG screenshot, cleaned (median ms)',
          value: median(cleaned.ms),
          baseline: median(raw.ms),
          note: `baseline: the raw upload; cleaning included; ${link}, service ${SERVICE_MS} ms; ${TRIALS} trials`,
        },
      ];
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
