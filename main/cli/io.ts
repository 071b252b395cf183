import type { Clock } from '../core/clock';
import type { CreateCoreOptions } from '../core/create-core';
import type { FetchLike } from '../core/http';

export interface CliWritable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliReadable extends AsyncIterable<string | Buffer> {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  on?(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  off?(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume?(): unknown;
  pause?(): unknown;
}

/** Everything the CLI touches outside itself, so tests run it in-process with fakes. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: CliWritable;
  stderr: CliWritable;
  stdin: CliReadable;
  /** Where relative paths start. */
  cwd: string;
  fetch?: FetchLike;
  clock?: Clock;
  /** Core overrides (tests: short timeouts, few retries). */
  core?: Pick<CreateCoreOptions, 'http' | 'searchTimeoutMs' | 'categoriesTtlMs'>;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
  };
}
