/**
 * The one contract for everything that crosses the bridge between main and the renderer:
 * every call (request schema + response type) and every main→renderer event (payload type).
 * Main validates requests against these schemas; the preload and the browser harness build
 * `window.nekodesk` from it; the renderer imports only its types. No Electron import here.
 */
import { z } from 'zod';
import type { Result } from '../main/core/result';
import type { Settings } from '../main/core/settings/settings-schema';
import { settingsPatchSchema } from '../main/core/settings/settings-schema';
import type { CallChannel, EventChannel } from './channels';

export { CALL_CHANNELS, EVENT_CHANNELS, isCallChannel, isEventChannel } from './channels';
export type { CallChannel, EventChannel } from './channels';

/** A call: its request schema, and (as a phantom type) its response. */
interface CallSpec<Request extends z.ZodType, Response> {
  request: Request;
  /** Never read at run time; carries the response type. */
  response?: Response;
}

function call<Response>(): CallSpec<z.ZodUndefined, Response>;
function call<Response, Request extends z.ZodType>(request: Request): CallSpec<Request, Response>;
function call(request: z.ZodType = z.undefined()): CallSpec<z.ZodType, unknown> {
  return { request };
}

/** An event from main: its payload type only (main is trusted; the payload is not re-validated). */
interface EventSpec<Payload> {
  payload?: Payload;
}
function event<Payload>(): EventSpec<Payload> {
  return {};
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export interface CategoryInfo {
  name: string;
  format: 'png' | 'gif';
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export const calls = {
  'app:info': call<AppInfo>(),
  'nekos:categories': call<CategoryInfo[]>(),
  'settings:get': call<Settings>(),
  'settings:update': call<Settings, typeof settingsPatchSchema>(settingsPatchSchema),
  'shell:open-link': call<null, z.ZodObject<{ url: z.ZodString }>>(
    z.object({ url: z.string().max(4096) }).strict(),
  ),
} as const satisfies Record<CallChannel, CallSpec<z.ZodType, unknown>>;

export const events = {
  /** Something the person should know: a repaired settings file, a failed background job. */
  'app:notice': event<Notice>(),
  'settings:changed': event<Settings>(),
} as const satisfies Record<EventChannel, EventSpec<unknown>>;

export type Calls = typeof calls;

export type CallRequest<C extends CallChannel> = z.input<Calls[C]['request']>;
export type ParsedCallRequest<C extends CallChannel> = z.output<Calls[C]['request']>;
export type CallResponse<C extends CallChannel> = Exclude<Calls[C]['response'], undefined>;
export type EventPayload<E extends EventChannel> = Exclude<(typeof events)[E]['payload'], undefined>;

/** The wire answer of every call. */
export type CallResult<C extends CallChannel> = Result<CallResponse<C>>;
