import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import Picker from '../../../renderer/src/picker/Picker.svelte';
import { createFakeApi, deferred, type FakeHandlers } from '../support/fake-api';
import { CHIPS, items, type Item } from './picker-support';

function setUp(overrides: Partial<FakeHandlers> = {}, page: Item[] = items(12)) {
  const backend = createFakeApi({
    'picker:chips': () => CHIPS,
    'picker:browse': ({ chip }) => ({ items: chip === 'recent' ? page : [], done: true, offline: false }),
    ...overrides,
  });
  render(Picker, { api: backend.api });
  const calls = (channel: string) => backend.received.filter((call) => call.channel === channel);
  return { ...backend, calls };
}

const tile = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}( ·|$)`) });

describe('Picker', () => {
  it('focuses the search box and shows the chips and the Recent grid', async () => {
    setUp();
    expect(screen.getByRole('searchbox', { name: 'Search reactions' })).toHaveFocus();
    await screen.findByRole('button', { name: 'Hug' });
    const chips = screen.getByRole('list', { name: 'Reaction categories' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((chip) => chip.textContent.trim()),
    ).toEqual(['Recent', 'Favorites', 'Hug', 'Pat']);
    await screen.findByRole('list', { name: 'Reactions' });
    expect(tile('Anime 1')).toHaveAttribute('title', 'Anime 1 · hug');
  });

  it('moves across rows with the arrows, Home/End and PageUp/PageDown', async () => {
    setUp({}, items(40));
    const search = screen.getByRole('searchbox', { name: 'Search reactions' });
    await screen.findByRole('list', { name: 'Reactions' });
    // jsdom has no layout: the grid assumes 420 × 340 px, so 3 columns, and 2 whole rows on a screen.
    await fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 1'), { key: 'ArrowRight' });
    await waitFor(() => expect(tile('Anime 2')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 2'), { key: 'ArrowDown' });
    await waitFor(() => expect(tile('Anime 5')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 5'), { key: 'ArrowLeft' });
    await waitFor(() => expect(tile('Anime 4')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 4'), { key: 'ArrowUp' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 1'), { key: 'PageDown' });
    await waitFor(() => expect(tile('Anime 7')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 7'), { key: 'End' });
    await waitFor(() => expect(tile('Anime 40')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 40'), { key: 'PageUp' });
    await waitFor(() => expect(tile('Anime 34')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 34'), { key: 'Home' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
  });

  it('copies with Enter (default mode), Shift+Enter (alternate) and a click, with a toast', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'ArrowDown' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 1'), { key: 'ArrowRight' });
    await fireEvent.keyDown(tile('Anime 2'), { key: 'Enter' });
    await fireEvent.keyDown(tile('Anime 2'), { key: 'Enter', shiftKey: true });
    await fireEvent.click(tile('Anime 3'));
    await waitFor(() => {
      expect(calls('picker:copy')).toHaveLength(3);
    });
    const requests = calls('picker:copy').map(
      (call) => call.request as { artworkId: string; alternate?: boolean },
    );
    expect(requests[0]).not.toHaveProperty('alternate');
    expect(requests[0]).not.toHaveProperty('mode');
    expect(requests[1]).toMatchObject({ alternate: true });
    expect(await screen.findByText('Copied “Anime 3” as a file')).toBeInTheDocument();
    expect(screen.getByText('Copied “Anime 2” as a link')).toBeInTheDocument();
  });

  it('Enter in the search box copies the first result', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
    await waitFor(() => {
      expect(calls('picker:copy')).toHaveLength(1);
    });
  });

  it('Ctrl+D toggles the favorite; Esc hides the picker', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'ArrowDown' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 1'), { key: 'd', ctrlKey: true });
    await waitFor(() => {
      expect(calls('picker:toggle-favorite')).toHaveLength(1);
    });
    expect(await screen.findByText('Added “Anime 1” to favorites')).toBeInTheDocument();
    expect(tile('Anime 1')).toHaveAccessibleName('Anime 1 · hug · favorite');
    await fireEvent.keyDown(tile('Anime 1'), { key: 'Escape' });
    await waitFor(() => {
      expect(calls('picker:hide')).toHaveLength(1);
    });
  });

  it('offers copy modes, open source and favorite in a keyboard-usable context menu', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.contextMenu(tile('Anime 2'));
    const menu = screen.getByRole('menu', { name: 'Actions for Anime 2' });
    const entries = within(menu).getAllByRole('menuitem');
    expect(entries.map((entry) => entry.textContent.trim())).toEqual([
      'Copy as file',
      'Copy as link',
      'Copy as image',
      'Copy as Markdown',
      'Open source',
      'Add to favorites',
    ]);
    expect(entries[0]).toHaveFocus();
    await fireEvent.keyDown(entries[0] as Element, { key: 'ArrowDown' });
    expect(entries[1]).toHaveFocus();
    await fireEvent.click(within(menu).getByRole('menuitem', { name: 'Copy as Markdown' }));
    await waitFor(() => {
      expect(calls('picker:copy').at(-1)?.request).toMatchObject({ mode: 'markdown' });
    });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await fireEvent.keyDown(tile('Anime 2'), { key: 'F10', shiftKey: true });
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Open source' }));
    await waitFor(() => {
      expect(calls('shell:open-link').at(-1)?.request).toEqual({ url: 'https://source.example/post/1' });
    });
    await fireEvent.contextMenu(tile('Anime 2'));
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Add to favorites' }));
    await waitFor(() => {
      expect(calls('picker:toggle-favorite')).toHaveLength(1);
    });
    // Esc in the menu closes only the menu.
    await fireEvent.contextMenu(tile('Anime 2'));
    await fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(calls('picker:hide')).toHaveLength(0);
  });

  it('starts dragging the file out on dragstart', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.dragStart(tile('Anime 1'));
    await waitFor(() => {
      expect(calls('picker:start-drag')).toHaveLength(1);
    });
  });

  it('shows a loading state, then the empty Recent with the first reaction category', async () => {
    const gate = deferred<{ items: Item[]; done: boolean; offline: boolean }>();
    setUp({
      'picker:browse': ({ chip }) =>
        chip === 'recent' ? gate.promise : { items: [], done: true, offline: false },
    });
    expect(await screen.findByRole('status', { name: 'Loading reactions' })).toBeInTheDocument();
    gate.resolve({ items: [], done: true, offline: false });
    // Nothing copied yet: the picker opens on the first GIF category (empty here).
    expect(await screen.findByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hug' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows empty Favorites, and offline and rate-limited states', async () => {
    setUp({
      'picker:browse': ({ chip }) => {
        if (chip === 'category:pat')
          throw new NekodeskError('rate_limited', 'Too many requests.', { retryAfter: 30 });
        if (chip === 'category:hug') return { items: [], done: true, offline: true };
        return { items: chip === 'recent' ? items(2) : [], done: true, offline: false };
      },
    });
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.click(screen.getByRole('button', { name: 'Favorites' }));
    expect(await screen.findByRole('heading', { name: 'No favorites yet' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Hug' }));
    expect(await screen.findByRole('heading', { name: 'Offline' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Pat' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Slow down a little');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeDisabled();
  });

  it('shows local results at once, adds the remote ones, and an offline search keeps the local ones', async () => {
    const remote = deferred<{ query: string; seq: number; items: Item[]; superseded: boolean }>();
    setUp({
      'picker:search': ({ query }) => ({ query, seq: 1, items: items(1, 'Local') }),
      'picker:search-remote': () => remote.promise,
    });
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'frieren' } });
    expect(await screen.findByRole('button', { name: /^Local 1/ })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Searching nekos.best' })).toBeInTheDocument();
    remote.reject(new NekodeskError('offline', 'No network.'));
    expect(await screen.findByText('Offline: showing GIFs already downloaded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Local 1/ })).toBeInTheDocument();
  });

  it('ignores an older search answer that arrives after a newer one', async () => {
    const slow = deferred<{ query: string; seq: number; items: Item[]; superseded: boolean }>();
    let seq = 0;
    setUp({
      'picker:search': ({ query }) => ({ query, seq: ++seq, items: [] }),
      'picker:search-remote': ({ seq: asked }) =>
        asked === 1
          ? slow.promise
          : { query: 'hug', seq: asked, items: items(2, 'Newer'), superseded: false },
    });
    await screen.findByRole('list', { name: 'Reactions' });
    const search = screen.getByRole('searchbox');
    await fireEvent.input(search, { target: { value: 'hu' } });
    await fireEvent.input(search, { target: { value: 'hug' } });
    expect(await screen.findByRole('button', { name: /^Newer 1/ })).toBeInTheDocument();
    slow.resolve({ query: 'hu', seq: 1, items: items(3, 'Older'), superseded: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: /^Older/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Newer/ })).toHaveLength(2);
  });

  it('says when a search finds nothing', async () => {
    setUp({ 'picker:search-remote': ({ seq }) => ({ query: 'zzz', seq, items: [], superseded: false }) });
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(await screen.findByRole('heading', { name: 'No GIFs match' })).toBeInTheDocument();
  });

  it('keeps only the rows near the screen in the DOM for 500 tiles, and asks previews only for those', async () => {
    const { calls } = setUp({}, items(500));
    const grid = await screen.findByRole('list', { name: 'Reactions' });
    const rendered = within(grid).getAllByRole('listitem');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThanOrEqual(12); // 3 columns × (1 visible row + 1 overscan… rounded up)
    expect(rendered[0]).toHaveAttribute('aria-setsize', '500');
    await waitFor(() => {
      expect(calls('picker:previews').length).toBeGreaterThan(0);
    });
    const asked = calls('picker:previews').flatMap(
      (call) => (call.request as { artworkIds: string[] }).artworkIds,
    );
    expect(asked.length).toBeLessThanOrEqual(12);
    // End jumps to the last tile, which is then rendered (and the first ones are not).
    await fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'ArrowDown' });
    await waitFor(() => expect(tile('Anime 1')).toHaveFocus());
    await fireEvent.keyDown(tile('Anime 1'), { key: 'End' });
    await waitFor(() => expect(tile('Anime 500')).toHaveFocus());
    expect(screen.queryByRole('button', { name: /^Anime 1 ·/ })).not.toBeInTheDocument();
    expect(within(grid).getAllByRole('listitem').length).toBeLessThanOrEqual(12);
  });

  it('the Images toggle saves the setting and reloads the chips', async () => {
    const { calls } = setUp();
    await screen.findByRole('list', { name: 'Reactions' });
    await fireEvent.click(screen.getByRole('button', { name: 'Images' }));
    await waitFor(() => {
      expect(calls('settings:update').at(-1)?.request).toEqual({ picker: { showImageCategories: true } });
    });
    expect(screen.getByRole('button', { name: 'Images' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => {
      expect(calls('picker:chips')).toHaveLength(2);
    });
  });
});
