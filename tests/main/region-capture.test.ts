/**
 * Region capture over the fake Electron, with real screenshots (generated PNGs as the capturer's
 * thumbnails), the real overlay window (windows.ts) and the core's real cropImage: the display under the
 * pointer is captured at its pixel size, the overlay shows it, the selected region comes back cropped,
 * and cancelling in any way answers null; our windows step aside and come back.
 */
import type { BrowserWindow, DesktopCapturer } from 'electron';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cropImage } from '../../main/core/identify';
import { resolveAppFiles } from '../../main/shell/app-files';
import {
  clampRegion,
  createRegionCapture,
  SCREEN_RECORDING_DENIED,
  sourceFor,
  type RegionCaptureDeps,
} from '../../main/shell/region-capture';
import { createRendererPages } from '../../main/shell/renderer-pages';
import { createWindowEvents } from '../../main/shell/window-events';
import { createCaptureWindow } from '../../main/shell/windows';
import { encodePng, type Rgb } from '../fakes/image-bytes';
import {
  app,
  BrowserWindow as FakeWindow,
  desktopCapturer,
  resetFakeElectron,
  screen,
  systemPreferences,
  FakeNativeImage,
  type FakeBrowserWindow,
} from './fake-electron';
import { PROJECT_ROOT } from './start-app';

vi.mock('electron', () => import('./fake-electron'));

const quiet = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
const LEFT: Rgb = [200, 40, 90];
const RIGHT: Rgb = [30, 120, 220];

beforeEach(async () => {
  resetFakeElectron();
  await app.becomeReady();
  // A 640×360 display at scale 1, and a 800×450 one at scale 2 (1600×900 pixels) to its right.
  screen.displays = [
    { id: 1, bounds: { x: 0, y: 0, width: 640, height: 360 }, scaleFactor: 1 },
    { id: 2, bounds: { x: 640, y: 0, width: 800, height: 450 }, scaleFactor: 2 },
  ];
  desktopCapturer.screen('1', encodePng(640, 360, LEFT));
  desktopCapturer.screen('2', encodePng(1600, 900, RIGHT));
});

function setUp(platform: NodeJS.Platform = 'linux', overrides: Partial<RegionCaptureDeps> = {}) {
  const main = new FakeWindow({ show: true });
  const windowDeps = {
    files: resolveAppFiles(PROJECT_ROOT, platform),
    pages: createRendererPages(undefined),
    events: createWindowEvents(),
    devTools: false,
    isQuitting: () => false,
    log: quiet,
  };
  const capture = createRegionCapture({
    screen: screen as unknown as RegionCaptureDeps['screen'],
    desktopCapturer: desktopCapturer as unknown as Pick<DesktopCapturer, 'getSources'>,
    appWindows: () => [main as unknown as BrowserWindow],
    openOverlay: (bounds) => createCaptureWindow(windowDeps, bounds, platform),
    crop: cropImage,
    imageUrl: (key) => `nekodesk://cache/${key}`,
    platform,
    screenAccess: () => systemPreferences.getMediaAccessStatus('screen'),
    settleMs: 0,
    log: quiet,
    ...overrides,
  });
  /** The overlay once the capture has opened it (and its page has rendered). */
  const overlay = async (): Promise<FakeBrowserWindow> => {
    await vi.waitFor(() => {
      expect(capture.overlay()).not.toBeNull();
    });
    const window = capture.overlay() as unknown as FakeBrowserWindow;
    if (window.webContents.isLoading()) window.webContents.finishLoad();
    return window;
  };
  return { main, capture, overlay };
}

describe('a region capture', () => {
  it('crops the selected region from the display under the pointer, captured at its pixel size', async () => {
    screen.cursor = { x: 900, y: 100 };
    const { main, capture, overlay } = setUp();
    const answer = capture.captureRegion();
    const window = await overlay();

    expect(desktopCapturer.requests).toEqual([
      { types: ['screen'], thumbnailSize: { width: 1600, height: 900 } },
    ]);
    expect(main.isVisible()).toBe(false);
    expect(window.getBounds()).toEqual({ x: 640, y: 0, width: 800, height: 450 });
    expect(window.isVisible()).toBe(true);
    expect(window.isFocused()).toBe(true);

    const source = await capture.source();
    expect(source).toMatchObject({ width: 1600, height: 900 });
    expect(source.imageUrl).toMatch(/^nekodesk:\/\/cache\/i\/[0-9a-f]{32}\.png$/);
    const key = source.imageUrl.slice('nekodesk://cache/'.length);
    expect(Buffer.from(capture.screenshot(key) ?? [])).toEqual(encodePng(1600, 900, RIGHT));

    await capture.finish({ x: 100, y: 40, width: 320, height: 180 });
    const bytes = await answer;
    expect(bytes).not.toBeNull();
    const cropped = sharp(bytes ?? new Uint8Array());
    expect(await cropped.metadata()).toMatchObject({ format: 'png', width: 320, height: 180 });
    // The right display's colour, not the left one's: the screenshot of the display under the pointer.
    const { dominant } = await cropped.stats();
    expect(Math.abs(dominant.r - RIGHT[0])).toBeLessThan(16);
    expect(Math.abs(dominant.b - RIGHT[2])).toBeLessThan(16);

    expect(window.isDestroyed()).toBe(true);
    expect(main.isVisible()).toBe(true);
    expect(capture.overlay()).toBeNull();
    expect(capture.screenshot(key)).toBeNull();
  });

  it('crops only the part of a region inside the screenshot', async () => {
    const { capture, overlay } = setUp();
    const answer = capture.captureRegion();
    await overlay();
    await capture.finish({ x: 600, y: 300, width: 500, height: 500 });
    expect(await sharp((await answer) ?? new Uint8Array()).metadata()).toMatchObject({
      width: 40,
      height: 60,
    });
  });

  it('answers null on Esc (finish without a region) and shows the main window again', async () => {
    const { main, capture, overlay } = setUp();
    const answer = capture.captureRegion();
    const window = await overlay();
    await capture.finish(null);
    await expect(answer).resolves.toBeNull();
    expect(window.isDestroyed()).toBe(true);
    expect(main.isVisible()).toBe(true);
    expect(main.isFocused()).toBe(true);
  });

  it('cancels when the overlay loses the focus, but not for a blur before it ever had it', async () => {
    const { main, capture } = setUp();
    const answer = capture.captureRegion();
    await vi.waitFor(() => {
      expect(capture.overlay()).not.toBeNull();
    });
    const window = capture.overlay() as unknown as FakeBrowserWindow;
    window.blur();
    expect(window.isDestroyed()).toBe(false);
    window.webContents.finishLoad();
    window.blur();
    await expect(answer).resolves.toBeNull();
    expect(window.isDestroyed()).toBe(true);
    expect(main.isVisible()).toBe(true);
  });

  it('cancels when the overlay is closed, and leaves a hidden main window hidden', async () => {
    const { main, capture, overlay } = setUp();
    main.hide();
    const answer = capture.captureRegion();
    (await overlay()).close();
    await expect(answer).resolves.toBeNull();
    expect(main.isVisible()).toBe(false);
  });

  it('refuses a second capture while one is open, and answers from an overlay with none open', async () => {
    const { capture, overlay } = setUp();
    await expect(capture.source()).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(capture.finish(null)).rejects.toMatchObject({ code: 'invalid_input' });
    const answer = capture.captureRegion();
    await overlay();
    await expect(capture.captureRegion()).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('already open') as string,
    });
    await capture.finish(null);
    await expect(answer).resolves.toBeNull();
  });

  it('refuses a second capture asked for while the first is still taking its screenshot', async () => {
    const { main, capture, overlay } = setUp('linux', { settleMs: 20 });
    const first = capture.captureRegion();
    // A double click on "Capture region": the second call comes before the first has an overlay.
    await expect(capture.captureRegion()).rejects.toMatchObject({ code: 'invalid_input' });
    const window = await overlay();
    expect(FakeWindow.created).toHaveLength(2); // the main window and one overlay
    expect(main.isVisible()).toBe(false);
    await capture.finish(null);
    await expect(first).resolves.toBeNull();
    expect(window.isDestroyed()).toBe(true);
    expect(main.isVisible()).toBe(true);
    // Once it is over, another may start.
    const next = capture.captureRegion();
    await overlay();
    await capture.finish(null);
    await expect(next).resolves.toBeNull();
  });

  it('keeps the overlay open when the region is outside the screenshot', async () => {
    const { capture, overlay } = setUp();
    const answer = capture.captureRegion();
    const window = await overlay();
    await expect(capture.finish({ x: 700, y: 10, width: 20, height: 20 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(window.isDestroyed()).toBe(false);
    await capture.finish(null);
    await expect(answer).resolves.toBeNull();
  });

  it('fails clearly, and brings the main window back, when the screen cannot be captured', async () => {
    desktopCapturer.sources = [];
    const { main, capture } = setUp();
    await expect(capture.captureRegion()).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('could not be captured') as string,
    });
    expect(main.isVisible()).toBe(true);
    expect(FakeWindow.created).toHaveLength(1); // no overlay
  });

  it('on macOS, says how to allow screen recording when it is denied, before hiding anything', async () => {
    systemPreferences.screenAccess = 'denied';
    const { main, capture } = setUp('darwin');
    await expect(capture.captureRegion()).rejects.toThrow(SCREEN_RECORDING_DENIED);
    expect(main.isVisible()).toBe(true);
    expect(desktopCapturer.requests).toEqual([]);

    // Without the permission macOS may also hand back an empty picture: the same notice.
    systemPreferences.screenAccess = 'not-determined';
    for (const source of desktopCapturer.sources)
      source.thumbnail = new FakeNativeImage('', new Uint8Array());
    await expect(capture.captureRegion()).rejects.toThrow(SCREEN_RECORDING_DENIED);
  });

  it('captures the primary display when the pointer cannot be read (Wayland)', async () => {
    vi.spyOn(screen, 'getCursorScreenPoint').mockImplementation(() => {
      throw new Error('getCursorScreenPoint is not supported on Wayland');
    });
    const { capture, overlay } = setUp();
    const answer = capture.captureRegion();
    await overlay();
    expect(await capture.source()).toMatchObject({ width: 640, height: 360 });
    await capture.finish(null);
    await answer;
  });
});

describe('the capture overlay window', () => {
  it('covers the display, frameless and above everything, sandboxed like every window, loading the capture page', async () => {
    const { capture, overlay } = setUp();
    const answer = capture.captureRegion();
    const window = await overlay();
    expect(window.options).toMatchObject({
      frame: false,
      fullscreen: true,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      movable: false,
      show: false,
      x: 0,
      y: 0,
      width: 640,
      height: 360,
    });
    expect(window.alwaysOnTopLevel).toBe('screen-saver');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window.webContents.getURL()).toBe('app://nekodesk/capture.html');
    await capture.finish(null);
    await answer;
  });

  it('on macOS covers the display without a full-screen Space, on every workspace', async () => {
    const { capture, overlay } = setUp('darwin');
    const answer = capture.captureRegion();
    const window = await overlay();
    expect(window.options.fullscreen).toBe(false);
    expect(window.allWorkspaces).toEqual({ visible: true, visibleOnFullScreen: true });
    await capture.finish(null);
    await answer;
  });
});

describe('matching a capturer source to a display', () => {
  const source = (display_id: string, id = 'screen:0:0') =>
    ({ display_id, id }) as unknown as Parameters<typeof sourceFor>[1][number];
  const displays = [{ id: 7 }, { id: 9 }];

  it('takes the source with the display id, a lone source, or (ids unknown) the display order', () => {
    const seven = source('7');
    const nine = source('9');
    expect(sourceFor({ id: 9 }, [seven, nine], displays)).toBe(nine);
    const lone = source('');
    expect(sourceFor({ id: 9 }, [lone], displays)).toBe(lone);
    const first = source('', 'screen:0:0');
    const second = source('', 'screen:1:0');
    expect(sourceFor({ id: 9 }, [first, second], displays)).toBe(second);
    expect(sourceFor({ id: 3 }, [seven, nine], displays)).toBeNull();
  });

  it('clamps a region to the screenshot', () => {
    expect(clampRegion({ x: -5, y: 10, width: 20, height: 500 }, { width: 100, height: 100 })).toEqual({
      x: 0,
      y: 10,
      width: 15,
      height: 90,
    });
    expect(clampRegion({ x: 100, y: 0, width: 5, height: 5 }, { width: 100, height: 100 })).toBeNull();
  });
});
