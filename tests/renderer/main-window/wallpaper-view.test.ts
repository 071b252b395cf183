import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../renderer/src/lib/api';
import WallpaperView from '../../../renderer/src/main-window/views/WallpaperView.svelte';
import {
  createFakeApi,
  deferred,
  fakeArtwork,
  wallpaperState,
  type FakeWallpaperState,
} from '../support/fake-api';

const KEY = 'a'.repeat(64);

function shown(overrides: Partial<FakeWallpaperState> = {}): FakeWallpaperState {
  return wallpaperState({
    current: [{ monitorId: '1', artwork: fakeArtwork(), imageUrl: `nekodesk://cache/${KEY}` }],
    nextDueAt: Date.now() + 29 * 60_000,
    ...overrides,
  });
}

function renderView(backend: ReturnType<typeof createFakeApi>) {
  const notices: Notice[] = [];
  const result = render(WallpaperView, {
    api: backend.api,
    notify: (notice: Notice) => notices.push(notice),
  });
  return { ...result, notices };
}

describe('Wallpaper panel', () => {
  it('shows loading until the state arrives', async () => {
    const state = deferred<FakeWallpaperState>();
    const backend = createFakeApi({ 'wallpaper:state': () => state.promise });
    renderView(backend);
    expect(screen.getByRole('status')).toHaveTextContent('Loading wallpaper…');
    state.resolve(shown());
    expect(await screen.findByRole('heading', { name: 'Mochi' })).toBeInTheDocument();
  });

  it('shows the current wallpaper from its imageUrl, with the artist and source links', async () => {
    const backend = createFakeApi({ 'wallpaper:state': () => shown() });
    renderView(backend);
    const image = await screen.findByRole('img', { name: 'Mochi' });
    expect(image).toHaveAttribute('src', `nekodesk://cache/${KEY}`);
    expect(screen.getByText(/Next change in 29 min/)).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Usagi Draws' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Original post' }));
    await waitFor(() => {
      expect(backend.received.filter((call) => call.channel === 'shell:open-link')).toEqual([
        { channel: 'shell:open-link', request: { url: 'https://artists.example/usagi' } },
        { channel: 'shell:open-link', request: { url: 'https://source.example/post/1' } },
      ]);
    });
  });

  it('invites a first wallpaper when nothing is shown, with Favorite and Ban disabled', async () => {
    renderView(createFakeApi());
    expect(await screen.findByText(/No wallpaper from Nekodesk yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Favorite' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Ban' })).toBeDisabled();
  });

  it('calls the API from each button and shows the busy state meanwhile', async () => {
    const next = deferred<FakeWallpaperState>();
    const backend = createFakeApi({ 'wallpaper:state': () => shown(), 'wallpaper:next': () => next.promise });
    renderView(backend);
    await screen.findByRole('img', { name: 'Mochi' });

    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('button', { name: 'Changing…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    next.resolve(
      shown({ current: [{ monitorId: '1', artwork: fakeArtwork({ character: 'Yuzu' }), imageUrl: null }] }),
    );
    expect(await screen.findByRole('heading', { name: 'Yuzu' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Favorite' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Ban' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
    const channels = backend.received.map((call) => call.channel).filter((c) => c.startsWith('wallpaper:'));
    expect(channels).toEqual([
      'wallpaper:state',
      'wallpaper:next',
      'wallpaper:previous',
      'wallpaper:favorite-current',
      'wallpaper:ban-current',
      'wallpaper:set-paused',
    ]);
    expect(backend.received.at(-1)).toMatchObject({ request: { paused: true } });
  });

  it('turns a failed action into an error toast, and keeps working', async () => {
    const backend = createFakeApi({
      'wallpaper:state': () => shown(),
      'wallpaper:next': () => Promise.reject(new (class extends Error {})('boom')),
    });
    const { notices } = renderView(backend);
    await screen.findByRole('img', { name: 'Mochi' });
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => {
      expect(notices).toHaveLength(1);
    });
    expect(notices[0]?.level).toBe('error');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('follows wallpaper:changed from main', async () => {
    const backend = createFakeApi();
    renderView(backend);
    await screen.findByText(/No wallpaper from Nekodesk yet/);
    backend.emit('wallpaper:changed', shown({ paused: true, nextDueAt: null }));
    expect(await screen.findByRole('img', { name: 'Mochi' })).toBeInTheDocument();
    expect(screen.getByText('Rotation paused')).toBeInTheDocument();
  });

  it('pages through the history as a thumbnail grid of lazy images', async () => {
    const all = Array.from({ length: 30 }, (_, index) => ({
      artwork: fakeArtwork({ character: `Cat ${index}` }),
      imageUrl: `nekodesk://cache/${String(index).padStart(64, '0')}`,
      at: index,
    }));
    const history = vi.fn(({ offset, limit }: { offset: number; limit: number }) => ({
      items: all.slice(offset, offset + limit),
      total: all.length,
    }));
    renderView(createFakeApi({ 'library:history': history }));
    const grid = await screen.findByRole('list', { name: 'History' });
    expect(within(grid).getAllByRole('img')).toHaveLength(24);
    expect(within(grid).getAllByRole('img')[0]).toHaveAttribute('loading', 'lazy');
    await fireEvent.click(screen.getByRole('button', { name: 'Show more (6 left)' }));
    await waitFor(() => {
      expect(within(grid).getAllByRole('img')).toHaveLength(30);
    });
    expect(history).toHaveBeenLastCalledWith({ offset: 24, limit: 24 });
  });

  it('lists favorites and removes one', async () => {
    const favorite = { artwork: fakeArtwork({ character: 'Kept' }), imageUrl: null, at: 1 };
    const backend = createFakeApi({
      'library:favorites': () => [favorite],
      'library:remove-favorite': () => [],
    });
    renderView(backend);
    await fireEvent.click(await screen.findByRole('tab', { name: 'Favorites' }));
    const grid = await screen.findByRole('list', { name: 'Favorites' });
    expect(within(grid).getByText('Kept')).toBeInTheDocument();
    await fireEvent.click(within(grid).getByRole('button', { name: 'Remove Kept from favorites' }));
    expect(await screen.findByText('Press Favorite to keep a wallpaper here.')).toBeInTheDocument();
    expect(backend.received.at(-1)).toEqual({
      channel: 'library:remove-favorite',
      request: { id: favorite.artwork.id },
    });
  });
});

describe('Wallpaper sections', () => {
  it('moves between the tabs with the arrow keys, Home and End, loading each section as it opens', async () => {
    const favorite = { artwork: fakeArtwork({ character: 'Kept' }), imageUrl: null, at: 1 };
    const backend = createFakeApi({ 'library:favorites': () => [favorite] });
    renderView(backend);
    const history = await screen.findByRole('tab', { name: /^History/ });
    expect(history).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Favorites' })).toHaveAttribute('tabindex', '-1');

    await fireEvent.keyDown(history, { key: 'ArrowRight' });
    const favorites = screen.getByRole('tab', { name: /^Favorites/ });
    expect(favorites).toHaveAttribute('aria-selected', 'true');
    expect(favorites).toHaveFocus();
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAttribute('aria-labelledby', favorites.id);
    expect(await within(panel).findByText('Kept')).toBeInTheDocument();
    expect(favorites).toHaveTextContent('1');

    await fireEvent.keyDown(favorites, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Rotation settings' })).toHaveFocus();
    expect(await screen.findByRole('form', { name: 'Rotation settings' })).toBeInTheDocument();

    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Rotation settings' }), { key: 'Home' });
    expect(screen.getByRole('tab', { name: /^History/ })).toHaveFocus();
    expect(screen.getByRole('tab', { name: /^History/ })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('Rotation settings', () => {
  async function openSettings(backend = createFakeApi()) {
    renderView(backend);
    await fireEvent.click(await screen.findByRole('tab', { name: 'Rotation settings' }));
    await screen.findByRole('form', { name: 'Rotation settings' });
    return backend;
  }

  it('validates inline and sends nothing while invalid', async () => {
    const backend = await openSettings();
    const interval = screen.getByLabelText('Change every (minutes)');
    await fireEvent.input(interval, { target: { value: '2000' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save wallpaper settings' }));
    expect(
      await screen.findByText('Choose between 1 minute and 24 hours (1440 minutes).'),
    ).toBeInTheDocument();
    expect(interval).toHaveAttribute('aria-invalid', 'true');
    expect(backend.received.some((call) => call.channel === 'settings:update')).toBe(false);
  });

  it('saves only what changed: interval, a source with tags, the blacklist', async () => {
    const backend = await openSettings();
    await fireEvent.input(screen.getByLabelText('Change every (minutes)'), { target: { value: '45' } });
    const tags = screen.getByLabelText('Extra tags (any of)');
    await fireEvent.input(tags, { target: { value: 'maid' } });
    await fireEvent.keyDown(tags, { key: 'Enter' });
    const blacklist = screen.getByLabelText('Never show these tags');
    await fireEvent.input(blacklist, { target: { value: 'Spooky' } });
    await fireEvent.keyDown(blacklist, { key: 'Enter' });
    await fireEvent.click(screen.getByRole('button', { name: /Remove source 2/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save wallpaper settings' }));

    expect(await screen.findByText('Wallpaper settings saved.')).toBeInTheDocument();
    const update = backend.received.find((call) => call.channel === 'settings:update');
    expect(update?.request).toEqual({
      wallpaper: {
        sources: [{ kind: 'nekosia', category: 'catgirl', tags: ['maid'], weight: 2 }],
        blacklist: ['spooky'],
        intervalMinutes: 45,
      },
    });
  });

  it('offers Nekosia tags for autocomplete', async () => {
    await openSettings();
    const input = screen.getByLabelText('Extra tags (any of)');
    const list = document.getElementById(input.getAttribute('list') ?? '');
    await waitFor(() => {
      expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toContain('maid');
    });
  });

  it('requires a source with weight', async () => {
    await openSettings();
    await fireEvent.click(screen.getByRole('button', { name: /Remove source 2/ }));
    await fireEvent.click(screen.getByRole('button', { name: /Remove source 1/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save wallpaper settings' }));
    expect(await screen.findByText('Add at least one source.')).toBeInTheDocument();
  });
});
