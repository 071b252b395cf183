import { NekodeskError } from '../errors';
import { formatBytes } from './human-text';

/** The body stopped early: the stream failed, or fewer bytes came than `content-length` promised. */
export class TruncatedBodyError extends Error {
  override readonly name = 'TruncatedBodyError';
  constructor(
    readonly received: number,
    readonly expected: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      expected === undefined
        ? `the connection closed after ${formatBytes(received)}`
        : `got ${formatBytes(received)} of ${formatBytes(expected)}`,
      options,
    );
  }
}

export interface ReadBodyOptions {
  maxBytes: number;
  service: string;
  /** `fail` (responses we use) or `truncate` (error bodies, read only for their message). */
  overflow: 'fail' | 'truncate';
  /** When this has fired, stream errors are the abort's, not a truncation. */
  signal: AbortSignal;
  /** Bytes so far and the declared total, after each chunk (a listener's failure is ignored). */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
}

/** `content-length` describes the bytes on the wire; with a content encoding fetch hands us more. */
function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') return undefined;
  const text = headers.get('content-length')?.trim() ?? '';
  if (!/^\d+$/.test(text)) return undefined;
  const length = Number(text);
  return Number.isSafeInteger(length) ? length : undefined;
}

function tooLarge(service: string, maxBytes: number): NekodeskError {
  return new NekodeskError(
    'invalid_response',
    `The response from ${service} is larger than ${formatBytes(maxBytes)}; stopped reading it.`,
  );
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, total - offset), offset);
    offset += Math.min(chunk.byteLength, total - offset);
    if (offset >= total) break;
  }
  return bytes;
}

/**
 * Streams a body into memory, stopping at `maxBytes`. Throws `invalid_response` when it is too large
 * (`overflow: 'fail'`), `TruncatedBodyError` when it is cut short, and the raw error when the signal aborted.
 */
export async function readBody(response: Response, options: ReadBodyOptions): Promise<Uint8Array> {
  const { maxBytes, service, overflow, signal } = options;
  const expected = declaredLength(response.headers);
  const stream = response.body;
  if (!stream) return new Uint8Array(0);
  if (expected !== undefined && expected > maxBytes && overflow === 'fail') {
    await stream.cancel().catch(() => undefined);
    throw tooLarge(service, maxBytes);
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (done || value === undefined) break;
      chunks.push(value);
      received += value.byteLength;
      try {
        options.onProgress?.(received, expected ?? null);
      } catch {
        // A progress listener's failure is the listener's problem, never the download's.
      }
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        if (overflow === 'fail') throw tooLarge(service, maxBytes);
        return concat(chunks, maxBytes);
      }
    }
  } catch (error) {
    if (error instanceof NekodeskError || signal.aborted) throw error;
    throw new TruncatedBodyError(received, expected, { cause: error });
  } finally {
    reader.releaseLock();
  }
  if (expected !== undefined && received < expected) throw new TruncatedBodyError(received, expected);
  return concat(chunks, received);
}
