import { describe, expect, it } from 'vitest';
import { desktopBindings } from '../../../renderer/src/main-window/views/settings/desktop-bindings';
import {
  acceleratorLabel,
  recordKeys,
  type KeyPress,
} from '../../../renderer/src/main-window/views/settings/hotkey-keys';

function press(key: string, code: string, held: Partial<KeyPress> = {}): KeyPress {
  return { key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...held };
}

describe('recording a hotkey', () => {
  it('spells keys the way the settings schema and Electron take them', () => {
    const done = (p: KeyPress, platform = 'linux') => {
      const recorded = recordKeys(p, platform);
      return recorded.kind === 'done' ? recorded.accelerator : recorded;
    };
    expect(done(press(' ', 'Space', { ctrlKey: true, shiftKey: true }))).toBe('CommandOrControl+Shift+Space');
    // The letter on the key, whatever the layout; from the key's position when it types no Latin letter.
    expect(done(press('z', 'KeyY', { ctrlKey: true, altKey: true }))).toBe('CommandOrControl+Alt+Z');
    expect(done(press('я', 'KeyZ', { ctrlKey: true }))).toBe('CommandOrControl+Z');
    expect(done(press('å', 'KeyA', { metaKey: true, altKey: true }), 'darwin')).toBe(
      'CommandOrControl+Alt+A',
    );
    expect(done(press('!', 'Digit1', { ctrlKey: true, shiftKey: true }))).toBe('CommandOrControl+Shift+1');
    expect(done(press('3', 'Numpad3', { altKey: true }))).toBe('Alt+num3');
    expect(done(press('ArrowUp', 'ArrowUp', { metaKey: true }))).toBe('Super+Up');
    expect(done(press('Control', 'ControlLeft', { ctrlKey: true, metaKey: true }), 'darwin')).toEqual({
      kind: 'partial',
      label: 'Cmd+Ctrl+…',
    });
    // Keys that type nothing may stand alone.
    expect(done(press('F9', 'F9'))).toBe('F9');
    expect(done(press('F13', 'F13', { shiftKey: true }))).toBe('Shift+F13');
    expect(done(press('MediaPlayPause', ''))).toBe('MediaPlayPause');
  });

  it('leaves Tab to the keyboard and reads Esc, Backspace and Delete as commands', () => {
    expect(recordKeys(press('Tab', 'Tab', { shiftKey: true }), 'linux')).toEqual({ kind: 'pass' });
    expect(recordKeys(press('Escape', 'Escape'), 'linux')).toEqual({ kind: 'cancel' });
    expect(recordKeys(press('Delete', 'Delete'), 'linux')).toEqual({ kind: 'clear' });
    expect(recordKeys(press('Delete', 'Delete', { ctrlKey: true, altKey: true }), 'linux')).toMatchObject({
      kind: 'done',
      accelerator: 'CommandOrControl+Alt+Delete',
    });
  });

  it('asks for a modifier in the words of each system', () => {
    expect(recordKeys(press('p', 'KeyP'), 'darwin')).toEqual({
      kind: 'invalid',
      message: 'P would take that key from every app: hold Cmd, Ctrl or Option with it.',
    });
    expect(recordKeys(press('P', 'KeyP', { shiftKey: true }), 'win32')).toMatchObject({
      message: 'Shift+P would take that key from every app: hold Ctrl, Alt or Win with it.',
    });
  });
});

describe('accelerator labels', () => {
  it('name the keys as each system does', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', 'linux')).toBe('Ctrl+Shift+Space');
    expect(acceleratorLabel('CommandOrControl+Alt+P', 'darwin')).toBe('Cmd+Option+P');
    expect(acceleratorLabel('Super+num5', 'win32')).toBe('Win+Num5');
  });
});

describe('desktop bindings', () => {
  it("write the person's hotkey in sway's and Hyprland's words, or Ctrl+Shift+Space", () => {
    expect(desktopBindings('CommandOrControl+Super+F2', 'nekodesk picker')).toEqual({
      sway: 'bindsym Ctrl+Super+F2 exec nekodesk picker',
      hyprland: 'bind = CTRL SUPER, F2, exec, nekodesk picker',
    });
    expect(desktopBindings('Alt+PageUp', 'nekodesk picker').sway).toBe(
      'bindsym Ctrl+Shift+space exec nekodesk picker',
    );
    expect(desktopBindings(null, 'x').hyprland).toBe('bind = CTRL SHIFT, space, exec, x');
  });
});
