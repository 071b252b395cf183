/** The contract's main→renderer events as server-sent events, to every page connected to the harness. */
import type { ServerResponse } from 'node:http';
import type { EventChannel, EventPayload } from '../preload/contract';

const KEEP_ALIVE_MS = 20_000;

export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  /** Notices raised before any page listened (e.g. a repaired settings file): the first page gets them. */
  #pending: string[] = [];
  readonly #keepAlive: ReturnType<typeof setInterval>;

  constructor() {
    this.#keepAlive = setInterval(() => {
      for (const client of this.#clients) client.write(': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    this.#keepAlive.unref();
  }

  /** Takes over a response as an event stream until the page goes away. */
  attach(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
    for (const frame of this.#pending) res.write(frame);
    this.#pending = [];
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    if (this.#clients.size === 0) {
      if (channel === 'app:notice') this.#pending.push(frame);
      return;
    }
    for (const client of this.#clients) client.write(frame);
  }

  close(): void {
    clearInterval(this.#keepAlive);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
