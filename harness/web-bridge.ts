/**
 * `window.nekodesk` for the renderer running in a plain browser: the same `createNekodeskApi` as the
 * preload, over HTTP calls and server-sent events to the harness on loopback. The harness loads this
 * before the app's own script, so the renderer runs unchanged. Authentication is the harness's
 * HttpOnly, SameSite=Strict cookie, sent by the browser with every same-origin request.
 */
import { createNekodeskApi, type BridgeTransport } from '../preload/api-factory';
import type { CallChannel, EventChannel } from '../preload/contract';
import { browserBase64, bytesReplacer } from './bytes-json';

// The harness serves this script at /__nekodesk/bridge.js; its endpoints sit beside it
// (see harness/server.ts): POST ./call/<channel> with {request}, GET ./events (server-sent events).
const CALL_URL = new URL(/* @vite-ignore */ './call/', import.meta.url);
const EVENTS_URL = new URL(/* @vite-ignore */ './events', import.meta.url);

function unreachable(message: string): unknown {
  return { ok: false, error: { code: 'internal', message } };
}

/** Uint8Arrays (an image to identify) cross as tagged base64; see bytes-json.ts. */
const replacer = bytesReplacer(browserBase64);

async function invoke(channel: CallChannel, request: unknown): Promise<unknown> {
  // Wrapped, so a call without a request (undefined) survives JSON.
  const envelope = { request };
  let response: Response;
  try {
    response = await fetch(new URL(`./${channel}`, CALL_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope, replacer),
      credentials: 'same-origin',
    });
  } catch {
    return unreachable('The Nekodesk web harness is not answering. Is it still running?');
  }
  // Too large: the harness's refusal says so in the one Result shape (reloading would not help).
  if (response.status === 413) return response.json();
  if (!response.ok) {
    return unreachable(
      `The Nekodesk web harness refused the call (HTTP ${response.status}). Reload the page.`,
    );
  }
  return response.json();
}

/** One EventSource for every listener, opened on the first subscription and closed after the last. */
function createEvents(): BridgeTransport['subscribe'] {
  let source: EventSource | null = null;
  let listeners = 0;
  return (channel: EventChannel, listener: (payload: unknown) => void) => {
    source ??= new EventSource(EVENTS_URL);
    const open = source;
    listeners++;
    const onMessage = (event: MessageEvent<string>): void => {
      listener(JSON.parse(event.data));
    };
    open.addEventListener(channel, onMessage);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      open.removeEventListener(channel, onMessage);
      if (--listeners === 0) {
        open.close();
        source = null;
      }
    };
  };
}

const api = createNekodeskApi({ invoke, subscribe: createEvents() });
// Read-only, like contextBridge's exposure in the Electron app.
Object.defineProperty(window, 'nekodesk', { value: Object.freeze(api), enumerable: true });
