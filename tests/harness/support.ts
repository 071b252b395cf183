import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bytesReplacer } from '../../harness/bytes-json';
import { startHarness, type Harness } from '../../harness/server';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain HTTP request, so tests can send headers `fetch` would not (Host, Origin, Sec-Fetch-Site). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A stand-in for out/renderer, so these tests do not need a build. */
export async function makeRendererDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nekodesk-renderer-'));
  const page = (name: string) =>
    `<!doctype html><html><head><title>${name}</title><script type="module" crossorigin src="./assets/${name}.js"></script></head><body></body></html>`;
  await writeFile(path.join(dir, 'index.html'), page('index'));
  await writeFile(path.join(dir, 'picker.html'), page('picker'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'assets', 'index.js'), 'console.log("main window");\n');
  await writeFile(path.join(dir, 'assets', 'style.css'), 'body { color: red; }\n');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function makeHome(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nekodesk-home-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The session cookie a page load sets, as a Cookie header value. */
export function sessionCookie(response: RawResponse): string {
  const setCookie = response.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('The page set no cookie.');
  return first.split(';')[0]!;
}

export interface TestHarness {
  harness: Harness;
  /** Its NEKODESK_HOME. */
  home: string;
  /** The session cookie of a page load, as a Cookie header value. */
  cookie: string;
  /**
   * POSTs to a call with the session cookie. An object body is sent as the web bridge sends it (Uint8Arrays as
   * tagged base64); a string body is sent as it is, for malformed requests.
   */
  post(channel: string, body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  close(): Promise<void>;
}

/** The harness over a stand-in renderer, in a fresh home, with `env` (the fakes' URLs) and a page's cookie. */
export async function startTestHarness(
  env: Record<string, string>,
  options: { log?: (line: string) => void } = {},
): Promise<TestHarness> {
  const home = await makeHome();
  const renderer = await makeRendererDir();
  const harness = await startHarness({
    env: { ...env, NEKODESK_HOME: home.dir },
    rendererDir: renderer.dir,
    log: options.log ?? (() => undefined),
  });
  const cookie = sessionCookie(await rawRequest(harness.url));
  const replacer = bytesReplacer((bytes) => Buffer.from(bytes).toString('base64'));
  return {
    harness,
    home: home.dir,
    cookie,
    post: (channel, body, headers = {}) =>
      rawRequest(`${harness.url}__nekodesk/call/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body, replacer),
      }),
    close: async () => {
      await harness.close();
      await home.remove();
      await renderer.remove();
    },
  };
}
