import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import SettingsView from '../../../renderer/src/main-window/views/SettingsView.svelte';
import { createFakeApi, DEFAULT_SETTINGS } from '../support/fake-api';

describe('SettingsView', () => {
  it('shows the service URLs and launch-at-login from settings:get', async () => {
    const { api } = createFakeApi({
      'settings:get': () => ({ ...DEFAULT_SETTINGS, launchAtLogin: true }),
    });
    render(SettingsView, { api });

    expect(await screen.findByLabelText('nekos.best API')).toHaveValue('https://nekos.best/api/v2');
    expect(screen.getByLabelText('Nekosia API')).toHaveValue('https://api.nekosia.cat/api/v1');
    expect(screen.getByLabelText('whatanimeisthis.com')).toHaveValue('https://whatanimeisthis.com');
    expect(screen.getByRole('switch', { name: 'Launch at login' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('shows a validation error inline, next to the field, and sends nothing', async () => {
    const { api, received } = createFakeApi();
    render(SettingsView, { api });

    const field = await screen.findByLabelText('nekos.best API');
    await fireEvent.input(field, { target: { value: 'ftp://mirror.example/api/v2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Enter an http:\/\/ or https:\/\/ address\./);
    expect(screen.getByLabelText('Nekosia API')).not.toHaveAttribute('aria-invalid');
    expect(received.some((call) => call.channel === 'settings:update')).toBe(false);
  });

  it("shows main's refusal inline when it rejects a change", async () => {
    const { api } = createFakeApi({
      'settings:update': () => {
        throw new NekodeskError('invalid_input', 'The setting services.whatanimeUrl must be a site origin.');
      },
    });
    render(SettingsView, { api });

    const field = await screen.findByLabelText('whatanimeisthis.com');
    await fireEvent.input(field, { target: { value: 'https://whatanimeisthis.com/search' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const form = field.closest('form')!;
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The setting services.whatanimeUrl must be a site origin.',
    );
    expect(field).toHaveValue('https://whatanimeisthis.com/search');
  });

  it('saves only what changed, then says so', async () => {
    const { api, received } = createFakeApi();
    render(SettingsView, { api });

    await fireEvent.click(await screen.findByRole('switch', { name: 'Launch at login' }));
    await fireEvent.input(screen.getByLabelText('nekos.best API'), {
      target: { value: ' http://127.0.0.1:8080/api/v2 ' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Settings saved.')).toHaveRole('status');
    expect(received.find((call) => call.channel === 'settings:update')?.request).toEqual({
      services: { nekosBestUrl: 'http://127.0.0.1:8080/api/v2' },
      launchAtLogin: true,
    });
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await fireEvent.input(screen.getByLabelText('Nekosia API'), {
      target: { value: 'http://127.0.0.1:1/api/v1' },
    });
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });

  it('follows settings changed elsewhere, and stops listening when closed', async () => {
    const backend = createFakeApi();
    const { unmount } = render(SettingsView, { api: backend.api });
    await screen.findByLabelText('nekos.best API');

    backend.emit('settings:changed', { ...DEFAULT_SETTINGS, launchAtLogin: true });
    await vi.waitFor(() => {
      expect(screen.getByRole('switch', { name: 'Launch at login' })).toBeChecked();
    });
    unmount();
    expect(backend.listenerCount('settings:changed')).toBe(0);
  });
});
