/**
 * The app's two global hotkeys together: the picker's and "identify the clipboard image" (off by
 * default). Each registers and re-registers with its setting; keys one gives up are free for the other in
 * the same change; the same keys for both are refused for one of them, naming the other; `statuses()`
 * reports both, with Wayland and the command a desktop shortcut runs instead.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppHotkeys, type AppHotkeysDeps } from '../../main/shell/app-hotkeys';
import { sameKeys } from '../../main/shell/global-hotkey';
import type { Notice } from '../../preload/contract';
import { app, globalShortcut, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const quiet = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
const X11 = { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' };

function hotkeysWith(overrides: Partial<AppHotkeysDeps> = {}) {
  const notices: Notice[] = [];
  const onPicker = vi.fn<() => void>();
  const onIdentify = vi.fn<() => void>();
  const hotkeys = createAppHotkeys({
    globalShortcut,
    platform: 'linux',
    env: X11,
    execPath: '/opt/Nekodesk/nekodesk',
    isPackaged: true,
    onPicker,
    onIdentify,
    notify: (notice) => notices.push(notice),
    log: quiet,
    ...overrides,
  });
  return { hotkeys, notices, onPicker, onIdentify };
}

const registered = () => [...globalShortcut.registered.keys()].sort();

beforeEach(async () => {
  resetFakeElectron();
  await app.becomeReady();
});

describe('the app hotkeys', () => {
  it('register both, each calling its own action, and report both', () => {
    const { hotkeys, onPicker, onIdentify, notices } = hotkeysWith();
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: 'Control+Alt+I' });
    expect(registered()).toEqual(['CommandOrControl+Shift+Space', 'Control+Alt+I']);
    globalShortcut.press('Control+Alt+I');
    expect(onIdentify).toHaveBeenCalledOnce();
    expect(onPicker).not.toHaveBeenCalled();
    globalShortcut.press('CommandOrControl+Shift+Space');
    expect(onPicker).toHaveBeenCalledOnce();
    expect(notices).toEqual([]);
    expect(hotkeys.statuses()).toEqual({
      picker: { state: 'registered', accelerator: 'CommandOrControl+Shift+Space', message: '' },
      identify: { state: 'registered', accelerator: 'Control+Alt+I', message: '' },
      suggestions: ['Control+Alt+Space', 'CommandOrControl+Alt+P', 'CommandOrControl+Alt+I'],
      wayland: false,
      pickerCommand: '/opt/Nekodesk/nekodesk --picker',
    });
  });

  it('leaves the identify hotkey off by default and registers it when set, releasing it when cleared', () => {
    const { hotkeys } = hotkeysWith();
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: null });
    expect(registered()).toEqual(['CommandOrControl+Shift+Space']);
    expect(hotkeys.statuses().identify).toEqual({ state: 'off', accelerator: null, message: '' });
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: 'Control+Alt+I' });
    expect(registered()).toEqual(['CommandOrControl+Shift+Space', 'Control+Alt+I']);
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: null });
    expect(registered()).toEqual(['CommandOrControl+Shift+Space']);
    // Unchanged settings touch nothing: the picker was registered once.
    expect(globalShortcut.calls.filter((call) => call.accelerator.includes('Space'))).toHaveLength(1);
  });

  it('lets the two swap keys in one change', () => {
    const { hotkeys, notices } = hotkeysWith();
    hotkeys.apply({ picker: 'Control+Alt+P', identify: 'Control+Alt+I' });
    hotkeys.apply({ picker: 'Control+Alt+I', identify: 'Control+Alt+P' });
    expect(hotkeys.statuses().picker.state).toBe('registered');
    expect(hotkeys.statuses().identify.state).toBe('registered');
    globalShortcut.press('Control+Alt+I');
    expect(notices).toEqual([]);
  });

  it('gives the same keys to one only, saying the other already has them — however they are spelled', () => {
    const { hotkeys, notices, onPicker } = hotkeysWith();
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: 'shift+ctrl+space' });
    expect(registered()).toEqual(['CommandOrControl+Shift+Space']);
    const identify = hotkeys.statuses().identify;
    expect(identify.state).toBe('taken');
    expect(identify.message).toContain('Shift+Ctrl+Space already opens the picker');
    expect(identify.message).toContain('such as Ctrl+Alt+Space');
    expect(notices.map((notice) => notice.message)).toEqual([identify.message]);
    globalShortcut.press('CommandOrControl+Shift+Space');
    expect(onPicker).toHaveBeenCalledOnce();

    // The picker moves on: the identify hotkey gets its keys.
    hotkeys.apply({ picker: 'Control+Alt+P', identify: 'shift+ctrl+space' });
    expect(registered()).toEqual(['Control+Alt+P', 'shift+ctrl+space']);
    expect(hotkeys.statuses().identify.state).toBe('registered');
  });

  it('keeps keys with the identify hotkey when the picker is changed to them', () => {
    const { hotkeys } = hotkeysWith();
    hotkeys.apply({ picker: 'Control+Alt+P', identify: 'Control+Alt+I' });
    hotkeys.apply({ picker: 'Control+Alt+I', identify: 'Control+Alt+I' });
    expect(registered()).toEqual(['Control+Alt+I']);
    expect(hotkeys.statuses().identify.state).toBe('registered');
    expect(hotkeys.statuses().picker).toMatchObject({
      state: 'taken',
      message: expect.stringContaining('Ctrl+Alt+I already identifies the clipboard image') as string,
    });
  });

  it('says when another app owns the identify keys, suggesting keys neither hotkey uses', () => {
    globalShortcut.takenByOthers.add('Control+Alt+I');
    const { hotkeys } = hotkeysWith();
    hotkeys.apply({ picker: 'Control+Alt+Space', identify: 'Control+Alt+I' });
    const identify = hotkeys.statuses().identify;
    expect(identify.state).toBe('taken');
    expect(identify.message).toContain(
      'Another app already uses Ctrl+Alt+I, so it cannot identify the clipboard image',
    );
    expect(identify.message).toContain('such as Ctrl+Alt+P');
  });

  it('on Wayland registers nothing and points each hotkey to a desktop shortcut', () => {
    const { hotkeys, notices } = hotkeysWith({ env: { XDG_SESSION_TYPE: 'wayland' } });
    hotkeys.apply({ picker: 'CommandOrControl+Shift+Space', identify: 'Control+Alt+I' });
    expect(globalShortcut.calls).toEqual([]);
    const statuses = hotkeys.statuses();
    expect(statuses.wayland).toBe(true);
    expect(statuses.picker.state).toBe('unsupported');
    expect(statuses.identify.state).toBe('unsupported');
    expect(statuses.picker.message).toContain('`nekodesk picker` (or `/opt/Nekodesk/nekodesk --picker`)');
    expect(statuses.identify.message).toContain('`/opt/Nekodesk/nekodesk --identify-clipboard`');
    expect(notices).toHaveLength(2);
  });

  it('names the AppImage, not its temporary mount, and the command line in a development run', () => {
    const appImage = hotkeysWith({
      env: { ...X11, APPIMAGE: '/home/me/Apps/Nekodesk 1.0.AppImage' },
      execPath: '/tmp/.mount_Nekod/nekodesk',
    });
    expect(appImage.hotkeys.statuses().pickerCommand).toBe('"/home/me/Apps/Nekodesk 1.0.AppImage" --picker');
    const development = hotkeysWith({ isPackaged: false, env: { XDG_SESSION_TYPE: 'wayland' } });
    expect(development.hotkeys.statuses().pickerCommand).toBe('nekodesk picker');
    development.hotkeys.apply({ picker: null, identify: 'Control+Alt+I' });
    expect(development.hotkeys.statuses().identify.message).toContain('`nekodesk identify --clipboard`');
  });

  it('releases both at quit', () => {
    const { hotkeys } = hotkeysWith();
    hotkeys.apply({ picker: 'Control+Alt+P', identify: 'Control+Alt+I' });
    hotkeys.dispose();
    expect(globalShortcut.registered.size).toBe(0);
    expect(hotkeys.statuses().picker.state).toBe('off');
    expect(hotkeys.statuses().identify.state).toBe('off');
  });
});

describe('sameKeys', () => {
  it('compares the keys, not the spelling', () => {
    expect(sameKeys('CommandOrControl+Shift+Space', 'Shift+Ctrl+space', 'linux')).toBe(true);
    expect(sameKeys('CommandOrControl+Shift+Space', 'Control+Shift+Space', 'darwin')).toBe(false);
    expect(sameKeys('Control+Alt+I', 'Control+Alt+P', 'linux')).toBe(false);
  });
});
