/**
 * The picker window: shown on the display under the pointer (centred, upper third), focused; hidden on Esc
 * with the keyboard handed back to the previous app, and on blur; the tray's "Open picker" and `--picker`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPickerWindowControl, pickerBounds } from '../../main/shell/picker-window';
import type { BrowserWindow, Screen } from 'electron';
import { app, BrowserWindow as FakeWindow, resetFakeElectron, screen } from './fake-electron';
import { startApp } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

const TWO_DISPLAYS = [
  {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    scaleFactor: 1,
  },
  { id: 2, bounds: { x: 1920, y: -200, width: 2560, height: 1440 }, scaleFactor: 2 },
];

function control(platform: NodeJS.Platform, env: Record<string, string> = {}) {
  const main = new FakeWindow({ show: false });
  const picker = new FakeWindow({ show: false, width: 520, height: 440 });
  const pickerControl = createPickerWindowControl({
    picker: picker as unknown as BrowserWindow,
    main: main as unknown as BrowserWindow,
    app,
    screen: screen as unknown as Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>,
    platform,
    env,
  });
  return { main, picker, ...pickerControl };
}

beforeEach(() => {
  resetFakeElectron();
  screen.displays = structuredClone(TWO_DISPLAYS);
});

describe('pickerBounds', () => {
  it('centres horizontally with its middle at one third of the work area, and fits small screens', () => {
    expect(pickerBounds({ x: 0, y: 25, width: 1920, height: 1055 })).toEqual({
      x: 700,
      y: 157,
      width: 520,
      height: 440,
    });
    expect(pickerBounds({ x: 0, y: 0, width: 400, height: 300 })).toEqual({
      x: 0,
      y: 0,
      width: 400,
      height: 300,
    });
  });
});

describe('showing the picker', () => {
  it('puts it on the display under the pointer, in front and focused', () => {
    const { picker, showPicker } = control('linux');
    screen.cursor = { x: 3000, y: 100 };
    showPicker();
    expect(picker.getBounds()).toEqual({ x: 1920 + 1020, y: -200 + 480 - 220, width: 520, height: 440 });
    expect(picker.isVisible()).toBe(true);
    expect(picker.isFocused()).toBe(true);

    picker.hide();
    screen.cursor = { x: 10, y: 900 };
    showPicker();
    expect(picker.getBounds()).toMatchObject({ x: 700, y: 157 });
  });

  it('makes the app active on macOS (a tray app is not when the hotkey is pressed)', () => {
    const { showPicker } = control('darwin');
    showPicker();
    expect(app.focusCalls).toEqual([{ steal: true }]);
  });

  it('leaves the place to the compositor on Wayland (no pointer position there)', () => {
    const { picker, showPicker } = control('linux', { XDG_SESSION_TYPE: 'wayland' });
    const cursor = vi.spyOn(screen, 'getCursorScreenPoint');
    showPicker();
    expect(cursor).not.toHaveBeenCalled();
    expect(picker.getBounds()).toMatchObject({ x: 0, y: 0 });
    expect(picker.isVisible()).toBe(true);
  });

  it('toggles with the hotkey: hidden when already in front', () => {
    const { picker, togglePicker } = control('linux');
    togglePicker();
    expect(picker.isVisible()).toBe(true);
    togglePicker();
    expect(picker.isVisible()).toBe(false);
  });
});

describe('hiding the picker (Esc)', () => {
  it('hides the app on macOS so the previous app gets the keyboard back, unless the main window is showing', () => {
    const { main, picker, showPicker, hidePicker } = control('darwin');
    showPicker();
    hidePicker();
    expect(picker.isVisible()).toBe(false);
    expect(app.hideCalls).toBe(1);

    main.show();
    showPicker();
    hidePicker();
    expect(app.hideCalls).toBe(1);
    expect(main.isVisible()).toBe(true);
  });

  it('minimizes before hiding on Windows (so Windows activates the previous window), and restores on show', () => {
    const { picker, showPicker, hidePicker } = control('win32');
    showPicker();
    hidePicker();
    expect(picker.isMinimized()).toBe(true);
    expect(picker.isVisible()).toBe(false);
    expect(app.hideCalls).toBe(0);
    showPicker();
    expect(picker.isMinimized()).toBe(false);
    expect(picker.isVisible()).toBe(true);
  });

  it('only hides on Linux, and does nothing when already hidden', () => {
    const { picker, showPicker, hidePicker } = control('linux');
    hidePicker();
    showPicker();
    hidePicker();
    expect(picker.isVisible()).toBe(false);
    expect(picker.isMinimized()).toBe(false);
    expect(app.hideCalls).toBe(0);
  });
});

describe('in the app', () => {
  it('shows the picker on the display under the pointer for --picker, hides it on blur and on picker:hide', async () => {
    const { fake, picker } = await startApp({
      argv: ['--picker'],
      env: { XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: undefined },
    });
    expect(picker.isVisible()).toBe(true);
    picker.blur();
    expect(picker.isVisible()).toBe(false);

    fake.screen.displays = structuredClone(TWO_DISPLAYS);
    fake.screen.cursor = { x: 2000, y: 0 };
    fake.Tray.created[0]?.choose('Open picker');
    expect(picker.isVisible()).toBe(true);
    expect(picker.getBounds().x).toBe(1920 + 1020);

    picker.webContents.finishLoad();
    const answer = await fake.ipcMain.invoke('picker:hide', undefined, { sender: picker.webContents });
    expect(answer).toMatchObject({ ok: true });
    expect(picker.isVisible()).toBe(false);
  });
});
