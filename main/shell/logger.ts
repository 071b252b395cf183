/**
 * The app's log: one file in the logs folder, rotated at 1 MB (the previous file is kept as
 * `main.old.log`), every message passed through the redactor first. electron-log's Node flavour is
 * used on purpose: its Electron flavour registers IPC channels for renderer logging that we don't need.
 */
import log from 'electron-log/node';
import path from 'node:path';
import type { Redactor } from './log-redaction';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 1024 * 1024;

/** What the shell logs through; electron-log's logger fits it, and so does a test's spy. */
export interface ShellLog {
  error(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  info(...params: unknown[]): void;
  debug(...params: unknown[]): void;
}

export interface LoggerOptions {
  dir: string;
  redactor: Redactor;
  /** Echo to the terminal (development). */
  console: boolean;
  maxBytes?: number;
}

export function createLogger(options: LoggerOptions): ShellLog {
  const logger = log.create({ logId: `nekodesk-${options.dir}` });
  const file = logger.transports.file;
  file.resolvePathFn = () => path.join(options.dir, LOG_FILE_NAME);
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.level = 'info';
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  logger.transports.console.level = options.console ? 'debug' : false;
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((item: unknown) => options.redactor.redact(item)),
  }));
  return logger;
}
