/**
 * Media the renderer may show: the cache protocol (`nekodesk://cache/…`) or a same-origin path (the browser
 * harness's `/__nekodesk/cache/…`). Remote URLs never reach an <img> or <video>, even if one slipped through.
 */
export function isLocalMedia(url: string | null): url is string {
  if (url === null) return false;
  return url.startsWith('nekodesk://') || (url.startsWith('/') && !url.startsWith('//'));
}
