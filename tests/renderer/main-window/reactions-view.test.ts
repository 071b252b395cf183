import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import type { CategoryInfo } from '../../../preload/contract';
import ReactionsView from '../../../renderer/src/main-window/views/ReactionsView.svelte';
import { CATEGORIES, createFakeApi, deferred } from '../support/fake-api';

describe('ReactionsView', () => {
  it('shows a loading state until the categories arrive', async () => {
    const pending = deferred<CategoryInfo[]>();
    const { api } = createFakeApi({ 'nekos:categories': () => pending.promise });
    render(ReactionsView, { api });

    expect(screen.getByRole('status')).toHaveTextContent('Loading categories…');
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();

    pending.resolve([...CATEGORIES]);
    expect(await screen.findByRole('list', { name: 'Images' })).toBeInTheDocument();
    expect(screen.queryByText('Loading categories…')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });

  it('lists image categories apart from GIF categories, alphabetised', async () => {
    const { api } = createFakeApi({ 'nekos:categories': () => [...CATEGORIES] });
    render(ReactionsView, { api });

    const images = await screen.findByRole('list', { name: 'Images' });
    const gifs = screen.getByRole('list', { name: 'GIFs' });
    const names = (list: HTMLElement) =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent.trim());
    expect(names(images)).toEqual(['N Neko', 'W Waifu']);
    expect(names(gifs)).toEqual(['H Highfive', 'H Hug', 'P Pat']);
    expect(screen.getByRole('heading', { name: 'Images 2' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'GIFs 3' })).toBeInTheDocument();
  });

  it('shows the error message and retries when asked', async () => {
    let attempts = 0;
    const { api, received } = createFakeApi({
      'nekos:categories': () => {
        attempts++;
        if (attempts === 1)
          throw new NekodeskError('upstream_error', 'nekos.best answered 503 Service Unavailable.');
        return [...CATEGORIES];
      },
    });
    render(ReactionsView, { api });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service is having trouble');
    expect(alert).toHaveTextContent('nekos.best answered 503 Service Unavailable.');

    await fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'GIFs' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(received.filter((call) => call.channel === 'nekos:categories')).toHaveLength(2);
  });

  it('says when a rate-limited request can be retried', async () => {
    const { api } = createFakeApi({
      'nekos:categories': () => {
        throw new NekodeskError('rate_limited', 'nekos.best is rate limiting Nekodesk.', { retryAfter: 30 });
      },
    });
    render(ReactionsView, { api });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Slow down a little');
    expect(alert).toHaveTextContent('nekos.best is rate limiting Nekodesk.');
    expect(alert).toHaveTextContent('You can retry in 30 seconds.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();
  });

  it('counts down and enables Retry when the rate limit lifts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const { api } = createFakeApi({
        'nekos:categories': () => {
          throw new NekodeskError('rate_limited', 'Too many requests.', { retryAfter: 3 });
        },
      });
      render(ReactionsView, { api });
      const alert = await screen.findByRole('alert');
      const retry = within(alert).getByRole('button', { name: 'Retry' });

      await vi.advanceTimersByTimeAsync(1000);
      expect(alert).toHaveTextContent('You can retry in 2 seconds.');
      await vi.advanceTimersByTimeAsync(2000);
      expect(alert).toHaveTextContent('You can retry now.');
      expect(retry).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the computer is offline', async () => {
    const { api } = createFakeApi({
      'nekos:categories': () => {
        throw new NekodeskError('offline', 'getaddrinfo ENOTFOUND nekos.best');
      },
    });
    render(ReactionsView, { api });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You appear to be offline');
    expect(alert).toHaveTextContent('could not reach nekos.best');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('has an empty state when nekos.best lists nothing', async () => {
    const { api, received } = createFakeApi({ 'nekos:categories': () => [] });
    render(ReactionsView, { api });

    expect(await screen.findByRole('heading', { name: 'No categories yet' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(received.filter((call) => call.channel === 'nekos:categories')).toHaveLength(2);
  });
});
