/**
 * The names of the contract's calls and events, as plain data. The preload and the browser harness's
 * bridge need only these, so they stay free of zod; `contract.ts` checks at compile time that the two
 * lists match its calls and events exactly.
 */
export const CALL_CHANNELS = [
  'app:hotkeys',
  'app:info',
  'capture:finish',
  'capture:source',
  'identify:account',
  'identify:api-keys',
  'identify:capture',
  'identify:clipboard',
  'identify:create-api-key',
  'identify:credits',
  'identify:delete-history',
  'identify:history',
  'identify:image',
  'identify:rankings',
  'identify:recent',
  'identify:set-api-key',
  'identify:sign-in',
  'identify:sign-out',
  'identify:url',
  'library:favorites',
  'library:history',
  'library:remove-favorite',
  'nekos:categories',
  'nekosia:tags',
  'picker:browse',
  'picker:chips',
  'picker:copy',
  'picker:hide',
  'picker:previews',
  'picker:search',
  'picker:search-remote',
  'picker:start-drag',
  'picker:toggle-favorite',
  'settings:get',
  'settings:update',
  'shell:open-link',
  'wallpaper:ban-current',
  'wallpaper:favorite-current',
  'wallpaper:next',
  'wallpaper:previous',
  'wallpaper:set-paused',
  'wallpaper:state',
] as const;

export const EVENT_CHANNELS = [
  'app:notice',
  'identify:result',
  'settings:changed',
  'wallpaper:changed',
] as const;

export type CallChannel = (typeof CALL_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isCallChannel(value: unknown): value is CallChannel {
  return typeof value === 'string' && (CALL_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
