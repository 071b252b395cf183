/**
 * The browser harness: the real core behind the built renderer, on 127.0.0.1, so the UI runs in any
 * browser (and under Playwright) exactly as in the app. `npm run web` builds, then runs this file.
 *
 *   GET  /, /picker                 the pages, with the web bridge injected and the session cookie set
 *   GET  /assets/…                  the built renderer's files
 *   GET  /__nekodesk/bridge.js      window.nekodesk over this loopback API (harness/web-bridge.ts)
 *   POST /__nekodesk/call/<channel> {request} → the call's Result, through dispatchCall
 *   GET  /__nekodesk/events         the contract's events as server-sent events
 *   GET  /__nekodesk/cache/<key>    a downloaded artwork (what nekodesk://cache/<key> is in the app)
 *   GET  /__nekodesk/cache/p/<name> a picker preview (animated WebP or its poster)
 *   GET  /__nekodesk/cache/i/<name> an identification image or preview clip (Range for clips)
 *
 * Calls are JSON; a Uint8Array in a request (the image of `identify:image`) arrives as tagged base64
 * (harness/bytes-json.ts), so that one call may send up to 25 MB, encoded.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FetchLike } from '../main/core/http';
import { identifyImageFile } from '../main/core/identify';
import { pickerPreviewFile } from '../main/handlers';
import { dispatchCall } from '../main/ipc-dispatch';
import { MAX_IDENTIFY_BYTES, type EventChannel, type EventPayload } from '../preload/contract';
import { CACHE_SCHEME, serveCacheRequest } from '../main/shell/cache-protocol';
import { buildBridge } from './bridge-build';
import { base64Length, bytesReviver } from './bytes-json';
import { EventStream } from './event-stream';
import { CACHE_PATH_PREFIX, createHarnessCore } from './harness-core';
import type { PickerRecords } from './picker-harness';
import { json, readBody, refusal, reply, text, writeReply, type Reply } from './replies';
import { createToken, hasToken, refuseForeign, SECURITY_HEADERS, tokenCookie } from './security';
import { contentTypeOf, findAsset, injectBridge, PAGES, readPage } from './static-files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BRIDGE_PATH = '/__nekodesk/bridge.js';
const CALL_PREFIX = '/__nekodesk/call/';
const EVENTS_PATH = '/__nekodesk/events';
const MAX_BODY_BYTES = 1024 * 1024;
/** The calls that carry an image, and how large their body may be: the image in base64, and room for the rest. */
const LARGE_BODY_CALLS: ReadonlyMap<string, number> = new Map([
  ['identify:image', base64Length(MAX_IDENTIFY_BYTES) + 64 * 1024],
]);
/** Headers of a cache answer worth passing on (the harness sends its own caching and security headers). */
const CACHE_ANSWER_HEADERS = ['content-type', 'content-range', 'accept-ranges'];

export interface HarnessOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where NEKODESK_HOME and the NEKODESK_*_URL overrides are read. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The core's fetch. Default the global one. */
  fetch?: FetchLike;
  /** The built renderer. Default out/renderer. */
  rendererDir?: string;
  /** Where the harness reports what it does instead of acting (opening links). Default stderr. */
  log?: (line: string) => void;
}

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Every URL a page asked to open, in order. */
  openedUrls: string[];
  /** The span file of every wallpaper the harness would have set, oldest first. */
  shownWallpapers(): string[];
  /** The picker's copies (what would be on the clipboard), hides and drags, in order. */
  picker: PickerRecords;
  /** Sends an event to every connected page, as main would. */
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const env = options.env ?? process.env;
  const rendererDir = path.resolve(options.rendererDir ?? path.join(ROOT, 'out', 'renderer'));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const openedUrls: string[] = [];
  const events = new EventStream();
  const core = createHarnessCore({
    env,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    onOpenExternal: (url) => {
      openedUrls.push(url);
      log(`Nekodesk web harness: a page asked to open ${url} (not opened: this is a browser harness).`);
    },
    onWallpaperChange: (state) => {
      events.emit('wallpaper:changed', state);
    },
    onNotice: (notice) => {
      events.emit('app:notice', notice);
    },
  });
  const bridge = await buildBridge();
  const stopSettings = core.settings.onChange((settings) => {
    events.emit('settings:changed', settings);
  });
  for (const message of core.startupNotices) events.emit('app:notice', { level: 'warning', message });

  const token = createToken();
  let origin = '';

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<Reply | 'streaming'> => {
    const refused = refuseForeign(req, origin);
    if (refused) return text(403, refused);
    const { pathname } = new URL(req.url ?? '/', origin);

    if (pathname.startsWith(CALL_PREFIX)) {
      if (req.method !== 'POST') return text(405, 'Calls are POST.', { allow: 'POST' });
      if (!hasToken(req, token)) {
        return refusal(401, 'unauthorized', 'This page is not connected to the harness. Reload it.');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refusal(415, 'invalid_input', 'Calls must be sent as application/json.');
      }
      const channel = safeDecode(pathname.slice(CALL_PREFIX.length));
      // A Map, not an object: a channel named "toString" must not find Object.prototype's (and no limit).
      const largeBody = LARGE_BODY_CALLS.get(channel);
      const body = await readBody(req, largeBody ?? MAX_BODY_BYTES);
      if (body === null) {
        return refusal(
          413,
          'invalid_input',
          largeBody === undefined ? 'The request is too large.' : 'The image is larger than 25 MB.',
        );
      }
      const envelope = parseEnvelope(body);
      if (!envelope)
        return refusal(400, 'invalid_input', 'The request must be a JSON object like {"request": …}.');
      return json(200, await dispatchCall(core.handlers, channel, envelope.request));
    }
    if (pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return text(405, 'Events are GET.', { allow: 'GET' });
      if (!hasToken(req, token)) return text(401, 'This page is not connected to the harness.');
      events.attach(res, { ...SECURITY_HEADERS });
      return 'streaming';
    }
    if (pathname.startsWith(CACHE_PATH_PREFIX)) {
      if (req.method !== 'GET') return text(405, 'Images are GET.', { allow: 'GET' });
      if (!hasToken(req, token)) return text(401, 'This page is not connected to the harness.');
      return serveCache(pathname.slice(CACHE_PATH_PREFIX.length), req.headers.range);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return text(405, 'Only GET here.', { allow: 'GET, HEAD' });
    if (pathname === BRIDGE_PATH)
      return reply(200, bridge, { 'content-type': 'text/javascript; charset=utf-8' });
    const page = PAGES[pathname];
    if (page) {
      const html = injectBridge(await readPage(rendererDir, page), BRIDGE_PATH);
      return reply(200, html, {
        'content-type': 'text/html; charset=utf-8',
        'set-cookie': tokenCookie(token),
      });
    }
    const file = await findAsset(rendererDir, pathname);
    if (!file) return text(404, 'Not found.');
    return reply(200, await readFile(file), { 'content-type': contentTypeOf(file) });
  };

  /**
   * A cached file by its key, answered by the app's own nekodesk:// handler (main/shell/cache-protocol.ts), so
   * the same rules hold: download-cache keys, picker previews (`p/…`) and identification files (`i/…`), nothing
   * outside their folders, and a byte Range for clips (Chromium asks for one before playing a video).
   */
  const serveCache = async (key: string, range: string | undefined): Promise<Reply> => {
    const cache = (await core.wallpaper.catch(() => null))?.cache ?? null;
    let request: Request;
    try {
      request = new Request(`${CACHE_SCHEME}://cache/${key}`, {
        headers: range === undefined ? {} : { range },
      });
    } catch {
      return text(404, 'Not found.'); // not even a URL: no key of ours
    }
    const answer = await serveCacheRequest(request, {
      resolve: (k) => cache?.resolve(k) ?? null,
      previewFile: (k) => pickerPreviewFile(core.previewDir, k),
      identifyFile: (k) => identifyImageFile(core.identifyDir, k),
    });
    if (answer.status === 404) return text(404, 'Not found.');
    const headers: Record<string, string> = {};
    for (const name of CACHE_ANSWER_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return reply(answer.status, Buffer.from(await answer.arrayBuffer()), headers);
  };

  const server = createServer((req, res) => {
    route(req, res)
      .then((answer) => {
        if (answer !== 'streaming') writeReply(res, answer);
      })
      .catch((error: unknown) => {
        log(`Nekodesk web harness: ${req.method ?? '?'} ${req.url ?? '?'} failed: ${String(error)}`);
        if (res.headersSent) res.destroy();
        else writeReply(res, text(500, 'The harness failed to answer; see its output.'));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/`,
    port,
    openedUrls,
    shownWallpapers: () => core.shownWallpapers.map((composed) => composed.spanFile),
    picker: core.picker,
    emit: (channel, payload) => {
      events.emit(channel, payload);
    },
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        stopSettings();
        events.close();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }).then(() => core.close())),
  };
}

/** Revives the bridge's tagged base64 as Uint8Arrays (plain ones: the contract checks `instanceof Uint8Array`). */
const reviveBytes = bytesReviver((text) => new Uint8Array(Buffer.from(text, 'base64')));

function parseEnvelope(body: string): { request: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(body, reviveBytes);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return { request: (value as Record<string, unknown>).request };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const raw = flag < 0 ? env.PORT : (argv[flag]?.split('=')[1] ?? argv[flag + 1]);
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const harness = await startHarness({ port: portFromArgs(process.argv.slice(2), process.env) });
  process.stdout.write(`Nekodesk web harness: ${harness.url}\n`);
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Nekodesk web harness could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
