import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import Picker from '../../../renderer/src/picker/Picker.svelte';
import { CATEGORIES, createFakeApi } from '../support/fake-api';

describe('Picker', () => {
  it('focuses the search box and shows the GIF categories as chips', async () => {
    const { api } = createFakeApi({ 'nekos:categories': () => [...CATEGORIES] });
    render(Picker, { api });

    expect(screen.getByRole('searchbox', { name: 'Search reactions' })).toHaveFocus();
    const chips = await screen.findByRole('list', { name: 'Reaction categories' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((chip) => chip.textContent.trim()),
    ).toEqual(['Highfive', 'Hug', 'Pat']);
  });

  it('filters as you type, and Esc clears the search', async () => {
    const { api } = createFakeApi({ 'nekos:categories': () => [...CATEGORIES] });
    render(Picker, { api });
    const search = screen.getByRole('searchbox', { name: 'Search reactions' });
    await screen.findByRole('list', { name: 'Reaction categories' });

    await fireEvent.input(search, { target: { value: 'H' } });
    expect(screen.getAllByRole('button', { pressed: false }).map((chip) => chip.textContent.trim())).toEqual([
      'Highfive',
      'Hug',
    ]);
    await fireEvent.input(search, { target: { value: 'zzz' } });
    expect(screen.getByRole('heading', { name: 'No reaction matches' })).toBeInTheDocument();

    await fireEvent.keyDown(search, { key: 'Escape' });
    expect(search).toHaveValue('');
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(3);
  });

  it('marks the chosen chip', async () => {
    const { api } = createFakeApi({ 'nekos:categories': () => [...CATEGORIES] });
    render(Picker, { api });

    await fireEvent.click(await screen.findByRole('button', { name: 'Hug' }));
    expect(screen.getByRole('button', { name: 'Hug' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows errors with a Retry button', async () => {
    const { api } = createFakeApi({
      'nekos:categories': () => {
        throw new NekodeskError('timeout', 'nekos.best did not answer within 10 s.');
      },
    });
    render(Picker, { api });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('nekos.best did not answer within 10 s.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });
});
