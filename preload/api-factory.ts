/**
 * Builds `window.nekodesk` from the contract over any transport: Electron IPC in the preload,
 * HTTP + server-sent events in the browser harness. Same methods, same types, either way.
 */
import { CALL_CHANNELS, type CallChannel, type EventChannel } from './channels';
import type { CallRequest, CallResult, EventPayload } from './contract';

export interface BridgeTransport {
  invoke(channel: CallChannel, request: unknown): Promise<unknown>;
  /** Returns an unsubscribe function. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type AreaOf<C extends string> = C extends `${infer Area}:${string}` ? Area : never;

type Method<C extends CallChannel> =
  undefined extends CallRequest<C>
    ? (request?: CallRequest<C>) => Promise<CallResult<C>>
    : (request: CallRequest<C>) => Promise<CallResult<C>>;

export type NekodeskApi = {
  [A in AreaOf<CallChannel>]: {
    [C in CallChannel as C extends `${A}:${infer Verb}` ? CamelCase<Verb> : never]: Method<C>;
  };
} & {
  /** Listens to an event from main; returns the function that stops listening. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function methodPath(channel: CallChannel): [area: string, method: string] {
  const [area = '', verb = ''] = channel.split(':');
  return [area, verb.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())];
}

export function createNekodeskApi(transport: BridgeTransport): NekodeskApi {
  const api: Record<string, unknown> = {
    on: (channel: EventChannel, listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener),
  };
  for (const channel of CALL_CHANNELS) {
    const [area, method] = methodPath(channel);
    const group = (api[area] ??= {}) as Record<string, unknown>;
    group[method] = (request?: unknown) => transport.invoke(channel, request);
  }
  return api as NekodeskApi;
}
