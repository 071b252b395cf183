// The HTTP plumbing every fake shares: a loopback node:http server, request recording, latency, faults
// (applied before normal handling) and small reply helpers.
import { createServer, type IncomingMessage, type ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeGif, encodeJpeg, encodePng } from './image-bytes';
import type { Fault, FaultRule, FakeOptions, FakeServer, RecordedRequest } from './types';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  origin: string;
  clientIp: string;
  now: number;
}

export interface ServiceDefinition {
  /** '/api/v2', '/api/v1' or ''. */
  basePath: string;
  handle(ctx: RequestContext): void | Promise<void>;
  /** Answer 429 the way this service does (used by the `rate-limited` fault too). */
  rateLimited(ctx: RequestContext, retryAfterSeconds: number): void;
  /** The JSON body of a 500 from this service. */
  serverErrorBody(status: number): unknown;
}

const CLOUDFLARE_PAGE = (status: number, title: string): string =>
  `<!DOCTYPE html>\n<html lang="en-US"><head><title>${title}</title></head><body>` +
  `<div id="cf-wrapper"><h1>${title}</h1><p>Error code ${status}</p>` +
  `<p>Cloudflare Ray ID: 8f00000000000000</p></div></body></html>\n`;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  send(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, bytes);
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  contentType: string,
  bytes: Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  send(res, status, { 'content-type': contentType, ...headers }, bytes);
}

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, bytes: Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

export function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function truncatedBody(path: string): { contentType: string; bytes: Buffer } {
  if (path.endsWith('.png')) return { contentType: 'image/png', bytes: encodePng(64, 64, [200, 100, 50]) };
  if (path.endsWith('.gif')) return { contentType: 'image/gif', bytes: encodeGif(64, 64, [50, 100, 200]) };
  if (/\.jpe?g$/.test(path)) return { contentType: 'image/jpeg', bytes: encodeJpeg(64, 64, [90, 90, 90]) };
  const json = JSON.stringify({ results: Array.from({ length: 20 }, (_, i) => ({ url: `item-${i}` })) });
  return { contentType: 'application/json; charset=utf-8', bytes: Buffer.from(json) };
}

/** Answers a fault; returns true when the request is done (every fault but `slow`). */
async function applyFault(
  fault: Fault,
  ctx: RequestContext,
  service: ServiceDefinition,
  timers: Set<NodeJS.Timeout>,
): Promise<boolean> {
  const { res } = ctx;
  switch (fault.kind) {
    case 'slow':
      await delay(fault.ms, timers);
      return false;
    case 'reset':
      ctx.req.socket.destroy();
      return true;
    case 'truncated': {
      const { contentType, bytes } = truncatedBody(ctx.path);
      res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length + 1024) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
        ctx.req.socket.destroy();
      });
      return true;
    }
    case 'invalid-json':
      sendBytes(res, 200, 'application/json; charset=utf-8', Buffer.from('{"results":[{"url":"http://'));
      return true;
    case 'wrong-content-type':
      sendBytes(res, 200, 'text/html; charset=UTF-8', Buffer.from(CLOUDFLARE_PAGE(200, 'Just a moment...')));
      return true;
    case 'server-error': {
      const status = fault.status ?? 500;
      if (status === 500) sendJson(res, 500, service.serverErrorBody(500));
      else {
        const title =
          status === 502 ? 'Bad gateway' : status === 504 ? 'Gateway time-out' : 'Service unavailable';
        sendBytes(res, status, 'text/html; charset=UTF-8', Buffer.from(CLOUDFLARE_PAGE(status, title)));
      }
      return true;
    }
    case 'rate-limited':
      service.rateLimited(ctx, fault.retryAfterSeconds ?? 1);
      return true;
  }
}

export async function startFakeServer(options: FakeOptions, service: ServiceDefinition): Promise<FakeServer> {
  const now = options.now ?? Date.now;
  const requests: RecordedRequest[] = [];
  const rules: { rule: FaultRule; remaining: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const takeFault = (path: string): Fault | undefined => {
    for (let i = 0; i < rules.length; i++) {
      const entry = rules[i]!;
      const pattern = entry.rule.path;
      if (pattern) {
        pattern.lastIndex = 0; // a /g or /y pattern would otherwise remember where it stopped
        if (!pattern.test(path)) continue;
      }
      entry.remaining--;
      if (entry.remaining <= 0) rules.splice(i, 1);
      return entry.rule.fault;
    }
    return undefined;
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const ctx: RequestContext = {
      req,
      res,
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      origin,
      clientIp: req.socket.remoteAddress ?? '127.0.0.1',
      now: now(),
    };
    await delay(options.latencyMs ?? 0, timers);
    const fault = takeFault(url.pathname);
    if (fault && (await applyFault(fault, ctx, service, timers))) return;
    if (res.destroyed) return;
    ctx.now = now();
    await service.handle(ctx);
    if (!res.headersSent) sendJson(res, 404, service.serverErrorBody(404));
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { error: `fake server bug: ${message}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: origin + service.basePath,
    requests,
    addFault(rule: FaultRule): void {
      if (rule.times !== undefined && rule.times <= 0) return;
      rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults(): void {
      rules.length = 0;
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
