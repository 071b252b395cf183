/** The harness's HTTP answers as values: routes return a Reply, one place writes it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../main/core/errors';
import { SECURITY_HEADERS } from './security';

export interface Reply {
  status: number;
  body: string | Buffer;
  headers: Record<string, string>;
}

export function reply(status: number, body: string | Buffer, headers: Record<string, string>): Reply {
  return { status, body, headers };
}

export function text(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return reply(status, `${message}\n`, { 'content-type': 'text/plain; charset=utf-8', ...headers });
}

export function json(status: number, value: unknown): Reply {
  return reply(status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
}

/** Refused calls answer with the one Result shape too, so the page shows a message instead of failing. */
export function refusal(status: number, code: ErrorCode, message: string): Reply {
  return json(status, { ok: false, error: { code, message } });
}

export function writeReply(res: ServerResponse, { status, body, headers }: Reply): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The body as text, or null past `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
