/**
 * What the CLI and the background clipboard owner say to each other: the request (one JSON document on
 * the owner's stdin) and the status (one JSON line on its stdout, once it owns the clipboard or has
 * failed to). Both sides check what they read, by hand: zod would cost the long-lived owner ~10 MB.
 */
import { ERROR_CODES, NekodeskError, type ErrorCode } from '../errors';
import type { ClipboardPayload } from './clipboard-payload';

export interface SelectionRequest {
  display: string;
  payload: ClipboardPayload;
}

export type SelectionStatus = { ok: true } | { ok: false; code: ErrorCode; message: string };

export function encodeRequest({ display, payload }: SelectionRequest): string {
  const { imagePng, ...rest } = payload;
  return JSON.stringify({
    display,
    payload: {
      ...rest,
      ...(imagePng === undefined ? {} : { imagePng: Buffer.from(imagePng).toString('base64') }),
    },
  });
}

export function decodeRequest(text: string): SelectionRequest {
  const request = parseJson(text);
  const payload = isRecord(request) ? request.payload : undefined;
  if (
    !isRecord(request) ||
    typeof request.display !== 'string' ||
    request.display === '' ||
    !isRecord(payload) ||
    !Array.isArray(payload.files) ||
    !payload.files.every((file) => typeof file === 'string') ||
    typeof payload.text !== 'string' ||
    !optionalString(payload.html) ||
    !optionalString(payload.imagePng)
  )
    throw new NekodeskError('internal', 'The clipboard owner got a malformed request.');
  return {
    display: request.display,
    payload: {
      files: payload.files,
      text: payload.text,
      ...(payload.html === undefined ? {} : { html: payload.html }),
      ...(payload.imagePng === undefined
        ? {}
        : { imagePng: new Uint8Array(Buffer.from(payload.imagePng, 'base64')) }),
    },
  };
}

export function encodeStatus(status: SelectionStatus): string {
  return `${JSON.stringify(status)}\n`;
}

/** The status line, or null when it is not one. */
export function decodeStatus(line: string): SelectionStatus | null {
  const status = parseJson(line);
  if (!isRecord(status)) return null;
  if (status.ok === true) return { ok: true };
  const { code, message } = status;
  if (status.ok !== false || typeof message !== 'string' || !isErrorCode(code)) return null;
  return { ok: false, code, message };
}

/** Any failure as a status: the owner's NekodeskErrors keep their code. */
export function failureStatus(error: unknown): SelectionStatus {
  if (error instanceof NekodeskError) return { ok: false, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'internal', message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return ERROR_CODES.some((code) => code === value);
}
