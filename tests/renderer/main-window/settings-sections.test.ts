import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SettingsView from '../../../renderer/src/main-window/views/SettingsView.svelte';
import { createFakeApi, DEFAULT_SETTINGS, type FakeBackend } from '../support/fake-api';

function updates(backend: Pick<FakeBackend, 'received'>): unknown[] {
  return backend.received.filter((call) => call.channel === 'settings:update').map((call) => call.request);
}

describe('the picker section', () => {
  it('says what each copy mode pastes and saves the modes and the image toggle with the form', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const enter = await screen.findByLabelText('Enter copies as');
    const shiftEnter = screen.getByLabelText('Shift+Enter copies as');
    expect(enter).toHaveDisplayValue('File');
    expect(shiftEnter).toHaveDisplayValue('Link');
    const help = screen.getByText('Markdown', { selector: 'dt' }).closest('dl')!;
    expect(
      within(help)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['File', 'Link', 'Image', 'Markdown']);
    expect(help).toHaveTextContent('pastes animated in most chat apps');
    expect(help).toHaveTextContent('A still picture (the first frame)');
    expect(help).toHaveTextContent('A Markdown image');

    await fireEvent.change(shiftEnter, { target: { value: 'markdown' } });
    await fireEvent.click(screen.getByRole('switch', { name: 'Show image categories' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(updates(backend)).toEqual([
      { picker: { alternateCopyMode: 'markdown', showImageCategories: true } },
    ]);
  });
});

describe('the identify section', () => {
  it('has no hotkey by default and saves its two toggles with the form', async () => {
    const backend = createFakeApi();
    render(SettingsView, { api: backend.api });
    const region = await screen.findByRole('region', { name: 'Identify' });
    expect(within(region).getByLabelText('Identify hotkey')).toHaveValue('');
    expect(await within(region).findByText(/Off: identify from the tray/)).toBeInTheDocument();
    const adult = within(region).getByRole('switch', { name: 'Show adult entries' });
    const history = within(region).getByRole('switch', { name: 'Keep a local history' });
    expect(adult).not.toBeChecked();
    expect(history).toBeChecked();

    await fireEvent.click(adult);
    await fireEvent.click(history);
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(updates(backend)).toEqual([{ identify: { showAdult: true, keepHistory: false } }]);
    expect(adult).toBeChecked();
    expect(history).not.toBeChecked();
  });

  it('records its hotkey, and Clear turns it off again', async () => {
    const backend = createFakeApi({
      'settings:get': () => ({ ...DEFAULT_SETTINGS, picker: { ...DEFAULT_SETTINGS.picker, hotkey: null } }),
    });
    render(SettingsView, { api: backend.api });
    const region = await screen.findByRole('region', { name: 'Identify' });
    const field = within(region).getByLabelText('Identify hotkey');

    await fireEvent.keyDown(field, { key: 'i', code: 'KeyI', ctrlKey: true, altKey: true });
    await vi.waitFor(() => {
      expect(updates(backend)).toEqual([{ identify: { hotkey: 'CommandOrControl+Alt+I' } }]);
    });
    expect(await within(region).findByText('Ctrl+Alt+I works in every app.')).toBeInTheDocument();

    await fireEvent.click(within(region).getByRole('button', { name: 'Clear identify hotkey' }));
    await vi.waitFor(() => {
      expect(updates(backend).at(-1)).toEqual({ identify: { hotkey: null } });
    });
    expect(await within(region).findByText(/Off: identify from the tray/)).toBeInTheDocument();
    expect(field).toHaveValue('');
  });
});
