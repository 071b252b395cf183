/**
 * The picker's global hotkey: registered at start and on change, released on change and at quit; refused
 * before Electron sees it when it is not an accelerator; a notice when another app owns it; on Wayland one
 * notice pointing to a desktop shortcut instead.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGlobalHotkey, isWaylandSession, type GlobalHotkeyDeps } from '../../main/shell/global-hotkey';
import { checkAccelerator } from '../../main/shell/picker-accelerator';
import type { Notice } from '../../preload/contract';
import { app, globalShortcut, resetFakeElectron } from './fake-electron';
import { startApp } from './start-app';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('./fake-electron')).FakeElectronStore }));

const quiet = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };

function hotkeyWith(overrides: Partial<GlobalHotkeyDeps> = {}) {
  const notices: Notice[] = [];
  const onPress = vi.fn<() => void>();
  const hotkey = createGlobalHotkey({
    globalShortcut,
    platform: 'linux',
    env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' },
    purpose: {
      name: 'picker',
      does: 'open the picker',
      desktopCommands: ['nekodesk picker', '/opt/Nekodesk/nekodesk --picker'],
    },
    onPress,
    notify: (notice) => notices.push(notice),
    log: quiet,
    ...overrides,
  });
  return { hotkey, notices, onPress };
}

beforeEach(async () => {
  resetFakeElectron();
  await app.becomeReady();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('checkAccelerator', () => {
  it('takes modifiers and one key, in any case, and labels them for the platform', () => {
    expect(checkAccelerator('CommandOrControl+Shift+Space', 'darwin')).toEqual({
      ok: true,
      label: 'Cmd+Shift+Space',
    });
    expect(checkAccelerator('CommandOrControl+Shift+Space', 'win32')).toEqual({
      ok: true,
      label: 'Ctrl+Shift+Space',
    });
    expect(checkAccelerator('ctrl+alt+p', 'linux')).toEqual({ ok: true, label: 'Ctrl+Alt+P' });
    expect(checkAccelerator('F13', 'linux')).toMatchObject({ ok: true });
    expect(checkAccelerator('MediaPlayPause', 'linux')).toMatchObject({ ok: true });
  });

  it.each([
    ['Shift+', 'empty part'],
    ['Ctrl+A+B', 'exactly one key'],
    ['Ctrl+Shift', 'exactly one key'],
    ['Ctrl+Ctrl+A', 'twice'],
    ['Ctrl+Banana', 'not a key'],
    ['Shift+A', 'every app'],
    ['Space', 'every app'],
  ])('refuses %s', (accelerator, reason) => {
    const checked = checkAccelerator(accelerator, 'linux');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toContain(reason);
  });

  it('refuses Command off macOS, where it means nothing', () => {
    expect(checkAccelerator('Command+Shift+Space', 'win32').ok).toBe(false);
    expect(checkAccelerator('Command+Shift+Space', 'darwin').ok).toBe(true);
  });
});

describe('the global hotkey', () => {
  it('registers the accelerator and calls back when pressed', () => {
    const { hotkey, notices, onPress } = hotkeyWith();
    expect(hotkey.apply('CommandOrControl+Shift+Space')).toMatchObject({ state: 'registered', message: '' });
    globalShortcut.press('CommandOrControl+Shift+Space');
    expect(onPress).toHaveBeenCalledOnce();
    expect(notices).toEqual([]);
  });

  it('swaps the old accelerator for the new one on change, does nothing for the same one, and releases at quit', () => {
    const { hotkey } = hotkeyWith();
    hotkey.apply('CommandOrControl+Shift+Space');
    hotkey.apply('Control+Alt+K');
    hotkey.apply('Control+Alt+K');
    expect([...globalShortcut.registered.keys()]).toEqual(['Control+Alt+K']);
    expect(globalShortcut.calls).toHaveLength(2);
    expect(hotkey.apply(null)).toMatchObject({ state: 'off', accelerator: null });
    expect(globalShortcut.registered.size).toBe(0);
    hotkey.apply('Control+Alt+K');
    hotkey.dispose();
    expect(globalShortcut.registered.size).toBe(0);
    expect(hotkey.status().state).toBe('off');
  });

  it('says so and suggests another when another app owns the keys, without crashing', () => {
    globalShortcut.takenByOthers.add('CommandOrControl+Shift+Space');
    const { hotkey, notices } = hotkeyWith({ platform: 'win32', env: {} });
    const status = hotkey.apply('CommandOrControl+Shift+Space');
    expect(status.state).toBe('taken');
    expect(status.message).toContain('Another app already uses Ctrl+Shift+Space');
    expect(status.message).toContain('Ctrl+Alt+Space');
    expect(notices).toEqual([{ level: 'warning', message: status.message }]);
    expect(hotkey.status()).toEqual(status);
    // A free one afterwards works.
    expect(hotkey.apply('Control+Alt+Space').state).toBe('registered');
  });

  it('refuses an invalid accelerator before Electron sees it', () => {
    const { hotkey, notices } = hotkeyWith();
    const status = hotkey.apply('Shift+');
    expect(status).toMatchObject({ state: 'invalid', accelerator: 'Shift+' });
    expect(globalShortcut.calls).toEqual([]);
    expect(notices[0]?.message).toContain('not valid');
  });

  it('on Wayland registers nothing and tells the person once to bind a desktop shortcut', () => {
    const { hotkey, notices } = hotkeyWith({ env: { XDG_SESSION_TYPE: 'wayland' } });
    const status = hotkey.apply('CommandOrControl+Shift+Space');
    hotkey.apply('Control+Alt+K');
    expect(status.state).toBe('unsupported');
    expect(hotkey.status().state).toBe('unsupported');
    expect(globalShortcut.calls).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('nekodesk picker');
    expect(notices[0]?.message).toContain('/opt/Nekodesk/nekodesk --picker');
  });

  it('knows a Wayland session by XDG_SESSION_TYPE or WAYLAND_DISPLAY, on Linux only', () => {
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'Wayland' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
    expect(isWaylandSession('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });
});

describe('in the app', () => {
  const x11 = { XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: undefined, DISPLAY: ':0' };

  it('registers the default hotkey at start, follows the setting, and releases it at quit', async () => {
    const started = await startApp({ env: x11 });
    const { fake, main, picker } = started;
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    fake.globalShortcut.press('CommandOrControl+Shift+Space');
    expect(picker.isVisible()).toBe(true);

    main.webContents.finishLoad();
    await fake.ipcMain.invoke(
      'settings:update',
      { picker: { hotkey: 'Control+Alt+K' } },
      { sender: main.webContents },
    );
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['Control+Alt+K']);
    fake.app.quit();
    expect(fake.globalShortcut.registered.size).toBe(0);
  });

  it('tells the windows when the hotkey is taken', async () => {
    const { fake, main } = await startApp({ env: x11, files: {} });
    fake.globalShortcut.takenByOthers.add('Control+Alt+K');
    main.webContents.finishLoad();
    await fake.ipcMain.invoke(
      'settings:update',
      { picker: { hotkey: 'Control+Alt+K' } },
      { sender: main.webContents },
    );
    const notice = main.webContents.sent.find((event) => event.channel === 'app:notice');
    expect((notice?.payload as Notice).message).toContain('Another app already uses Ctrl+Alt+K');
  });
});
