// Fake upstream servers on loopback for every test of the API clients, the CLI and the browser harness.
export type { Fault, FaultRule, FakeOptions, FakeServer, RecordedRequest } from './types';
export { startFakeNekosBest, NEKOS_BEST_LIMITS } from './nekos-best';
export { startFakeNekosia, NEKOSIA_LIMIT } from './nekosia';
export {
  startFakeWhatAnime,
  WHATANIME_DEFAULT_API_KEY,
  WHATANIME_DEFAULT_USER,
  WHATANIME_LIMITS,
  WHATANIME_NO_MATCH_MARKER,
  type FakeWhatAnime,
  type FakeWhatAnimeOptions,
  type WhatAnimeUpload,
} from './whatanime';
export { encodePng, encodeGif, encodeJpeg, type Rgb } from './image-bytes';
