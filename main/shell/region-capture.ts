/**
 * Capturing a screen region (`identify:capture`, the shell's `CapturePort`):
 * 1. our windows get out of the way (hidden, and given a moment to leave the screen);
 * 2. the display under the pointer is captured with `desktopCapturer` at its full pixel size
 *    (size × scaleFactor), the source matched to the display by `display_id`;
 * 3. a frameless, full-screen, always-on-top overlay (the `capture` page) shows that screenshot dimmed and
 *    lets the person drag a rectangle; it asks for the screenshot (`capture:source`) and answers with a
 *    region or null (`capture:finish`);
 * 4. the region is cropped from the screenshot, the overlay closes and our windows come back.
 * Esc, a click elsewhere (the overlay loses focus) or closing the overlay cancel: the answer is null.
 * The screenshot never touches the disk: it is served from memory under a one-off `i/` key while the
 * overlay is open, and forgotten when it closes.
 * macOS asks the person for the screen-recording permission; a denied one gets a clear notice.
 */
import type {
  BrowserWindow,
  DesktopCapturer,
  DesktopCapturerSource,
  Display,
  Rectangle,
  Screen,
} from 'electron';
import { randomBytes } from 'node:crypto';
import type { CaptureSource } from '../../preload/contract';
import { NekodeskError } from '../core/errors';
import type { CapturePort } from '../identify-handlers';
import type { ShellLog } from './logger';
import { showWindow } from './windows';

export interface CaptureRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RegionCaptureDeps {
  screen: Pick<
    Screen,
    'getCursorScreenPoint' | 'getDisplayNearestPoint' | 'getPrimaryDisplay' | 'getAllDisplays'
  >;
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  /** Our windows that step aside during a capture; those that were showing come back afterwards. */
  appWindows(): BrowserWindow[];
  /** Creates the overlay over `bounds`, hidden, loading the capture page. */
  openOverlay(bounds: Rectangle): BrowserWindow;
  /** Crops PNG bytes to a region (the core's `cropImage`). */
  crop(image: Uint8Array, region: CaptureRegion): Promise<Uint8Array>;
  /** `i/<name>` → the URL our pages load it from. */
  imageUrl(key: string): string;
  platform: NodeJS.Platform;
  /** macOS: `systemPreferences.getMediaAccessStatus('screen')`. */
  screenAccess?(): string;
  /** How long hidden windows get to leave the screen before the screenshot. Default 250 ms. */
  settleMs?: number;
  log: ShellLog;
}

export interface RegionCapture extends CapturePort {
  /** The overlay while a capture is open (its page may call `capture:*`), else null. */
  overlay(): BrowserWindow | null;
  /** The open capture's screenshot (PNG) for its `i/` key, else null. */
  screenshot(key: string): Uint8Array | null;
}

interface Screenshot {
  png: Uint8Array;
  width: number;
  height: number;
}

interface Session {
  key: string;
  shot: Screenshot;
  overlay: BrowserWindow;
  /** `selecting` until the overlay answers; closing or leaving the overlay cancels only then. */
  phase: 'selecting' | 'cropping' | 'done';
  end(outcome: { bytes: Uint8Array | null } | { error: unknown }): void;
}

export const SCREEN_RECORDING_DENIED =
  'Nekodesk may not record the screen, so it cannot capture a region. Allow it in System Settings › ' +
  'Privacy & Security › Screen & System Audio Recording, then restart Nekodesk and try again.';

const DEFAULT_SETTLE_MS = 250;

export function createRegionCapture(deps: RegionCaptureDeps): RegionCapture {
  let session: Session | null = null;
  /**
   * From the first step to the answer, not only while the overlay is open: a second capture asked for
   * while the first is still settling or taking its screenshot would otherwise open a second overlay and
   * bring our windows back under it.
   */
  let busy = false;

  const displayUnderPointer = (): Display => {
    try {
      return deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint());
    } catch (error) {
      // Wayland cannot tell where the pointer is; the compositor decides where the overlay goes anyway.
      deps.log.info('The pointer position is unknown: capturing the primary display', error);
      return deps.screen.getPrimaryDisplay();
    }
  };

  const takeScreenshot = async (display: Display): Promise<Screenshot> => {
    const { width, height } = display.bounds;
    const sources = await deps.desktopCapturer.getSources({
      types: ['screen'],
      thumbnailSize: {
        width: Math.round(width * display.scaleFactor),
        height: Math.round(height * display.scaleFactor),
      },
    });
    const source = sourceFor(display, sources, deps.screen.getAllDisplays());
    if (source === null || source.thumbnail.isEmpty()) {
      deps.log.warn(`No screenshot of display ${String(display.id)} (${String(sources.length)} sources)`);
      throw new NekodeskError(
        'internal',
        deps.platform === 'darwin'
          ? SCREEN_RECORDING_DENIED
          : 'The screen could not be captured. Try again, or take a screenshot and paste it instead.',
      );
    }
    const size = source.thumbnail.getSize();
    return { png: new Uint8Array(source.thumbnail.toPNG()), width: size.width, height: size.height };
  };

  const select = (display: Display, shot: Screenshot): Promise<Uint8Array | null> =>
    new Promise((resolve, reject) => {
      const overlay = deps.openOverlay(display.bounds);
      const current: Session = {
        key: `i/${randomBytes(16).toString('hex')}.png`,
        shot,
        overlay,
        phase: 'selecting',
        end(outcome) {
          if (current.phase === 'done') return;
          current.phase = 'done';
          if (session === current) session = null;
          if (!overlay.isDestroyed()) overlay.close();
          if ('error' in outcome)
            reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
          else resolve(outcome.bytes);
        },
      };
      session = current;
      const cancel = (): void => {
        if (current.phase === 'selecting') current.end({ bytes: null });
      };
      let focused = false;
      overlay.once('ready-to-show', () => {
        if (overlay.isDestroyed()) return;
        overlay.show();
        overlay.focus();
      });
      overlay.on('focus', () => {
        focused = true;
      });
      // Only once it had the focus: some window managers send a blur while a window is first shown.
      overlay.on('blur', () => {
        if (focused) cancel();
      });
      overlay.on('closed', cancel);
      overlay.webContents.on('render-process-gone', cancel);
      overlay.webContents.on('did-fail-load', (_event, code, description) => {
        deps.log.error(`The capture overlay did not load (${String(code)} ${description})`);
        current.end({ error: new NekodeskError('internal', 'The capture overlay could not open.') });
      });
    });

  return {
    async captureRegion() {
      if (busy) {
        throw new NekodeskError(
          'invalid_input',
          'A screen capture is already open: select a region or press Esc first.',
        );
      }
      const access = deps.platform === 'darwin' ? deps.screenAccess?.() : undefined;
      if (access === 'denied' || access === 'restricted')
        throw new NekodeskError('internal', SCREEN_RECORDING_DENIED);
      busy = true;
      const stepAside: BrowserWindow[] = [];
      try {
        const display = displayUnderPointer();
        stepAside.push(...deps.appWindows().filter((window) => !window.isDestroyed() && window.isVisible()));
        for (const window of stepAside) window.hide();
        await delay(deps.settleMs ?? DEFAULT_SETTLE_MS);
        const shot = await takeScreenshot(display);
        return await select(display, shot);
      } finally {
        busy = false;
        for (const window of stepAside) showWindow(window);
      }
    },

    source(): Promise<CaptureSource> {
      if (session === null) return Promise.reject(noCapture());
      return Promise.resolve({
        imageUrl: deps.imageUrl(session.key),
        width: session.shot.width,
        height: session.shot.height,
      });
    },

    async finish(region) {
      const current = session;
      if (current?.phase !== 'selecting') throw noCapture();
      if (region === null) {
        current.end({ bytes: null });
        return;
      }
      const inside = clampRegion(region, current.shot);
      if (inside === null)
        throw new NekodeskError(
          'invalid_input',
          'The selected region is outside the screenshot: select again.',
        );
      // The overlay goes at once (the person sees their answer taken); the crop follows.
      current.phase = 'cropping';
      if (!current.overlay.isDestroyed()) current.overlay.close();
      try {
        current.end({ bytes: await deps.crop(current.shot.png, inside) });
      } catch (error) {
        deps.log.error('Cropping the captured region failed', error);
        current.end({ error });
      }
    },

    overlay: () => (session === null || session.overlay.isDestroyed() ? null : session.overlay),
    screenshot: (key) => (session !== null && session.key === key ? session.shot.png : null),
  };
}

/**
 * The capturer's source for `display`: the one with its id. Some Linux setups leave `display_id` empty:
 * then a lone source is the screen, and otherwise the sources follow the order of the displays.
 */
export function sourceFor(
  display: Pick<Display, 'id'>,
  sources: readonly DesktopCapturerSource[],
  displays: readonly Pick<Display, 'id'>[],
): DesktopCapturerSource | null {
  const byId = sources.find((source) => source.display_id === String(display.id));
  if (byId !== undefined) return byId;
  if (sources.length === 1) return sources[0] ?? null;
  if (sources.every((source) => source.display_id === '')) {
    const index = displays.findIndex((candidate) => candidate.id === display.id);
    return sources[index] ?? null;
  }
  return null;
}

/** The part of `region` inside the screenshot, or null when none of it is. */
export function clampRegion(
  region: CaptureRegion,
  size: { width: number; height: number },
): CaptureRegion | null {
  const x = Math.max(0, region.x);
  const y = Math.max(0, region.y);
  const right = Math.min(size.width, region.x + region.width);
  const bottom = Math.min(size.height, region.y + region.height);
  if (right <= x || bottom <= y) return null;
  return { x, y, width: right - x, height: bottom - y };
}

function noCapture(): NekodeskError {
  return new NekodeskError('invalid_input', 'No screen capture is open.');
}

function delay(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
