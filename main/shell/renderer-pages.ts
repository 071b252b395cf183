/**
 * Where our pages come from and how to recognise them. In development: the electron-vite dev server
 * (`ELECTRON_RENDERER_URL`, honoured only when the app is not packaged). Packaged: `app://nekodesk/`, a
 * privileged scheme serving `out/renderer` (see app-protocol.ts) — not file://, because the
 * grantFileProtocolExtraPrivileges fuse is off, and a file:// page then cannot load its module scripts.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nekodesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const PAGES = { main: 'index.html', picker: 'picker.html', capture: 'capture.html' } as const;
export type PageName = keyof typeof PAGES;

export interface RendererPages {
  url(page: PageName): string;
  /** True only for the top-level URL of one of our pages (any query or hash). */
  isOurPage(url: string): boolean;
  /** Which of our pages `url` is (any query or hash), or null when it is not one of ours. */
  pageOf(url: string): PageName | null;
}

export function createRendererPages(devServerUrl: string | undefined): RendererPages {
  const base = devServerUrl ? new URL(devServerUrl) : new URL(`${APP_ORIGIN}/`);
  const pagePaths = new Map(
    (Object.entries(PAGES) as [PageName, string][]).map(([page, file]) => [`/${file}`, page]),
  );
  if (devServerUrl) pagePaths.set('/', 'main'); // the dev server answers / with index.html

  const pageOf = (url: string): PageName | null => {
    if (!URL.canParse(url)) return null;
    const parsed = new URL(url);
    const ours =
      parsed.protocol === base.protocol &&
      parsed.host === base.host &&
      parsed.username === '' &&
      parsed.password === '';
    return ours ? (pagePaths.get(parsed.pathname) ?? null) : null;
  };
  return {
    url: (page) => new URL(PAGES[page], ensureTrailingSlash(base)).href,
    isOurPage: (url) => pageOf(url) !== null,
    pageOf,
  };
}

function ensureTrailingSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.pathname}/`, url);
}
