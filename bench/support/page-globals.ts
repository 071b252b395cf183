/**
 * The few browser globals the benchmarks' in-page functions touch, typed here because the Node tsconfig has no
 * DOM library. Inside a function Playwright runs in the page: `const page = globalThis as unknown as PageGlobals`.
 */
export interface PageImage {
  complete: boolean;
  naturalWidth: number;
  getBoundingClientRect(): { width: number; top: number; right: number; bottom: number; left: number };
  /** Resolves once the image is decoded and ready to paint. */
  decode(): Promise<void>;
}

export interface PageGlobals {
  document: {
    visibilityState: 'visible' | 'hidden';
    querySelectorAll(selector: string): Iterable<PageImage>;
  };
  innerWidth: number;
  innerHeight: number;
  requestAnimationFrame(callback: () => void): number;
}
