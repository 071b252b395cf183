import { composeSpan } from './compose';
import { cacheRead } from './cache-read';
import type { Benchmark } from './figure';
import { identifyUpload } from './identify-upload';
import { rateLimitEfficiency } from './rate-limit-efficiency';
import { requestSharing } from './request-sharing';
import { rotationMemory } from './rotation-memory';
import { rotationNext } from './rotation-next';
import { pickerCopy } from './picker-copy';
import { pickerRendering } from './picker-rendering';

/** Every benchmark `npm run bench` runs, in order. A new one is a file exporting a `Benchmark`, added here. */
export const BENCHMARKS: Benchmark[] = [
  rateLimitEfficiency,
  requestSharing,
  composeSpan,
  cacheRead,
  rotationNext,
  rotationMemory,
  pickerCopy,
  pickerRendering,
  identifyUpload,
];
