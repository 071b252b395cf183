import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../../renderer/src/main-window/App.svelte';
import { CATEGORIES, createFakeApi } from '../support/fake-api';

describe('App (main window)', () => {
  it('opens on Reactions and shows the app name and version from app:info', async () => {
    const { api } = createFakeApi({ 'nekos:categories': () => [...CATEGORIES] });
    render(App, { api });

    expect(await screen.findByText('Version 9.8.7')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reactions' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('list', { name: 'GIFs' })).toBeInTheDocument();
    expect(document.title).toBe('Nekodesk');
  });

  it('switches sections from the sidebar', async () => {
    const { api } = createFakeApi();
    render(App, { api });
    const nav = screen.getByRole('navigation', { name: 'Sections' });

    await fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    expect(within(nav).getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Reactions' })).not.toHaveAttribute('aria-current');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();

    await fireEvent.click(within(nav).getByRole('button', { name: 'Wallpaper' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Wallpaper' })).toBeInTheDocument();
  });

  it('shows notices from main as toasts that can be dismissed', async () => {
    const backend = createFakeApi();
    render(App, { api: backend.api });
    const region = screen.getByRole('region', { name: 'Notifications' });

    backend.emit('app:notice', { level: 'warning', message: 'Your settings file was repaired.' });
    const toast = await within(region).findByRole('alert');
    expect(toast).toHaveTextContent('Your settings file was repaired.');

    await fireEvent.click(within(toast).getByRole('button', { name: 'Dismiss notification' }));
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stops listening to notices when closed', () => {
    const backend = createFakeApi();
    const { unmount } = render(App, { api: backend.api });
    expect(backend.listenerCount('app:notice')).toBe(1);
    unmount();
    expect(backend.listenerCount('app:notice')).toBe(0);
  });
});
