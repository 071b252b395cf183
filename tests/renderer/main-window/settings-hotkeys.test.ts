import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import type { CallResponse } from '../../../preload/contract';
import SettingsView from '../../../renderer/src/main-window/views/SettingsView.svelte';
import { createFakeApi, DEFAULT_SETTINGS, type FakeBackend } from '../support/fake-api';

type Statuses = CallResponse<'app:hotkeys'>;

function updates(backend: Pick<FakeBackend, 'received'>): unknown[] {
  return backend.received.filter((call) => call.channel === 'settings:update').map((call) => call.request);
}

function hotkeyCalls(backend: Pick<FakeBackend, 'received'>): number {
  return backend.received.filter((call) => call.channel === 'app:hotkeys').length;
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

const ctrl = { ctrlKey: true };

describe('the picker hotkey', () => {
  it('records the keys pressed and saves them at once as an accelerator', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Picker hotkey');
    expect(field).toHaveValue('Ctrl+Shift+Space');
    expect(await screen.findByText('Ctrl+Shift+Space works in every app.')).toBeInTheDocument();
    const checks = hotkeyCalls(backend);

    await fireEvent.focus(field);
    await fireEvent.keyDown(field, { key: 'Control', code: 'ControlLeft', ...ctrl });
    await fireEvent.keyDown(field, { key: 'Alt', code: 'AltLeft', ...ctrl, altKey: true });
    expect(field).toHaveValue('Ctrl+Alt+…');
    await fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ...ctrl, altKey: true });

    await vi.waitFor(() => {
      expect(updates(backend)).toEqual([{ picker: { hotkey: 'CommandOrControl+Alt+K' } }]);
    });
    expect(await screen.findByText('Ctrl+Alt+K works in every app.')).toBeInTheDocument();
    expect(hotkeyCalls(backend)).toBeGreaterThan(checks);
    expect(field).toHaveValue('Ctrl+Alt+K');
    // Saved on its own: the form has nothing left to save.
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it("uses Cmd on macOS and keeps the form's unsaved edits", async () => {
    const backend = createFakeApi({
      'app:info': () => ({ name: 'Nekodesk', version: '1.0.0', platform: 'darwin' }),
    });
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Picker hotkey');
    await vi.waitFor(() => {
      expect(field).toHaveValue('Cmd+Shift+Space');
    });
    const url = screen.getByLabelText('nekos.best API');
    await fireEvent.input(url, { target: { value: 'http://127.0.0.1:9/api/v2' } });

    await fireEvent.keyDown(field, { key: 'p', code: 'KeyP', metaKey: true, shiftKey: true });

    await vi.waitFor(() => {
      expect(updates(backend)).toEqual([{ picker: { hotkey: 'CommandOrControl+Shift+P' } }]);
    });
    await vi.waitFor(() => {
      expect(field).toHaveValue('Cmd+Shift+P');
    });
    expect(url).toHaveValue('http://127.0.0.1:9/api/v2');
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => {
      expect(updates(backend).at(-1)).toEqual({ services: { nekosBestUrl: 'http://127.0.0.1:9/api/v2' } });
    });
  });

  it('explains keys a global hotkey cannot use, and saves nothing', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Picker hotkey');

    await fireEvent.keyDown(field, { key: 'A', code: 'KeyA', shiftKey: true });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Shift+A would take that key from every app: hold Ctrl, Alt or Super with it.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Shift\+A would take that key/);

    await fireEvent.keyDown(field, { key: '/', code: 'Slash', ...ctrl });
    expect(screen.getByRole('alert')).toHaveTextContent('“/” cannot be part of a global hotkey');

    // Enter alone neither records nor submits the form.
    await fireEvent.keyDown(field, { key: 'Enter', code: 'Enter' });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter would take that key from every app');

    await fireEvent.keyDown(field, { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field).toHaveValue('Ctrl+Shift+Space');
    expect(updates(backend)).toEqual([]);
  });

  it('will not give the identify hotkey the keys of the picker', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Identify hotkey');

    await fireEvent.keyDown(field, { key: ' ', code: 'Space', ...ctrl, shiftKey: true });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ctrl+Shift+Space already opens the picker: choose other keys.',
    );
    expect(updates(backend)).toEqual([]);
  });

  it('turns off with Backspace, and says how to open the picker without it', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Picker hotkey');
    await screen.findByText('Ctrl+Shift+Space works in every app.');

    await fireEvent.keyDown(field, { key: 'Backspace', code: 'Backspace' });

    await vi.waitFor(() => {
      expect(updates(backend)).toEqual([{ picker: { hotkey: null } }]);
    });
    expect(await screen.findByText(/No hotkey: open the picker from the tray/)).toBeInTheDocument();
    expect(field).toHaveValue('');
    expect(field).toHaveAttribute('placeholder', 'Off');
    expect(
      within(section('Reaction picker')).getByRole('button', { name: 'Clear picker hotkey' }),
    ).toBeDisabled();
  });

  it("shows main's refusal under the field", async () => {
    const backend = createFakeApi({
      'settings:update': () => {
        throw new NekodeskError('invalid_input', 'The setting picker.hotkey must be keys joined by +.');
      },
    });
    render(SettingsView, { api: backend.api });
    const field = await screen.findByLabelText('Picker hotkey');

    await fireEvent.keyDown(field, { key: 'F8', code: 'F8' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The setting picker.hotkey must be keys joined by +.',
    );
    expect(field).toHaveValue('Ctrl+Shift+Space');
  });
});

describe('the hotkey status', () => {
  it('offers other keys when another app holds them, and one click uses them', async () => {
    let current: string | null = 'CommandOrControl+Shift+Space';
    const backend = createFakeApi({
      'app:hotkeys': (): Statuses => ({
        picker:
          current === 'CommandOrControl+Shift+Space'
            ? {
                state: 'taken',
                accelerator: current,
                message: 'Another app already uses Ctrl+Shift+Space, so it cannot open the picker.',
              }
            : { state: 'registered', accelerator: current, message: '' },
        identify: { state: 'off', accelerator: null, message: '' },
        suggestions: ['Control+Alt+Space', 'CommandOrControl+Shift+Space', 'CommandOrControl+Alt+P'],
        wayland: false,
        pickerCommand: 'nekodesk picker',
      }),
    });
    const update = backend.api.settings.update;
    backend.api.settings.update = async (patch) => {
      const result = await update(patch);
      if (result.ok) current = result.data.picker.hotkey;
      return result;
    };
    render(SettingsView, { api: backend.api });

    const note = await within(await screen.findByRole('region', { name: 'Reaction picker' })).findByRole(
      'alert',
    );
    expect(note).toHaveTextContent(
      'Another app already uses Ctrl+Shift+Space, so it cannot open the picker.',
    );
    // The keys that are taken are not offered again.
    expect(
      within(note)
        .getAllByRole('button')
        .map((button) => button.textContent.trim()),
    ).toEqual(['Ctrl+Alt+Space', 'Ctrl+Alt+P']);

    await fireEvent.click(within(note).getByRole('button', { name: 'Ctrl+Alt+Space' }));

    await vi.waitFor(() => {
      expect(updates(backend)).toEqual([{ picker: { hotkey: 'Control+Alt+Space' } }]);
    });
    expect(await screen.findByText('Ctrl+Alt+Space works in every app.')).toBeInTheDocument();
    expect(screen.getByLabelText('Picker hotkey')).toHaveValue('Ctrl+Alt+Space');
    expect(screen.queryByText(/Another app already uses/)).toBeNull();
  });

  it("shows an invalid hotkey's message", async () => {
    const backend = createFakeApi({
      'app:hotkeys': (): Statuses => ({
        picker: {
          state: 'invalid',
          accelerator: 'CommandOrControl+Shift+Space',
          message: 'The picker hotkey Ctrl+Shift+Space is not valid here: choose another in Settings.',
        },
        identify: { state: 'off', accelerator: null, message: '' },
        suggestions: [],
        wayland: false,
        pickerCommand: 'nekodesk picker',
      }),
    });
    render(SettingsView, { api: backend.api });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The picker hotkey Ctrl+Shift+Space is not valid here: choose another in Settings.',
    );
  });
});

describe('on Wayland', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('explains how to bind a desktop shortcut to the picker command, ready to copy', async () => {
    const command = '"/opt/Nekodesk Beta/nekodesk" --picker';
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const backend = createFakeApi({
      'app:hotkeys': (): Statuses => ({
        picker: {
          state: 'unsupported',
          accelerator: 'CommandOrControl+Alt+P',
          message: 'Wayland does not let apps use global hotkeys.',
        },
        identify: { state: 'off', accelerator: null, message: '' },
        suggestions: [],
        wayland: true,
        pickerCommand: command,
      }),
      'settings:get': () => ({
        ...DEFAULT_SETTINGS,
        picker: { ...DEFAULT_SETTINGS.picker, hotkey: 'CommandOrControl+Alt+P' },
      }),
    });
    render(SettingsView, { api: backend.api });

    const help = await screen.findByRole('note', { name: 'Wayland: bind a desktop shortcut' });
    expect(help).toHaveTextContent(
      'GNOME: Settings → Keyboard → View and Customize Shortcuts → Custom Shortcuts',
    );
    expect(help).toHaveTextContent('KDE Plasma: System Settings → Shortcuts');
    expect(within(help).getByText(command)).toBeInTheDocument();
    // The compositor lines use the person's own hotkey.
    expect(within(help).getByText(`bindsym Ctrl+Alt+p exec ${command}`)).toBeInTheDocument();
    expect(within(help).getByText(`bind = CTRL ALT, p, exec, ${command}`)).toBeInTheDocument();
    expect(screen.queryByText(/works in every app/)).toBeNull();

    await fireEvent.click(within(help).getByRole('button', { name: 'Copy the picker command' }));
    expect(writeText).toHaveBeenCalledWith(command);
    expect(await within(help).findByText('Copied.')).toBeInTheDocument();
  });

  it('selects the command when the clipboard cannot be written', async () => {
    const backend = createFakeApi({
      'app:hotkeys': (): Statuses => ({
        picker: { state: 'unsupported', accelerator: null, message: '' },
        identify: { state: 'off', accelerator: null, message: '' },
        suggestions: [],
        wayland: true,
        pickerCommand: 'nekodesk picker',
      }),
    });
    render(SettingsView, { api: backend.api });
    const help = await screen.findByRole('note', { name: 'Wayland: bind a desktop shortcut' });

    await fireEvent.click(within(help).getByRole('button', { name: 'Copy the sway line' }));

    expect(await within(help).findByText(/Selected: press Ctrl\+C/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe('bindsym Ctrl+Shift+space exec nekodesk picker');
  });
});
