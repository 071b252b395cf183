import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import type { FakeBackend } from '../support/fake-api';
import { openTab, renderIdentify } from './identify-support';

function rankingRequests(backend: FakeBackend): unknown[] {
  return backend.received.filter((call) => call.channel === 'identify:rankings').map((call) => call.request);
}

async function rankedTitles(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: /^Rankings/ });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.title')?.textContent ?? '');
}

describe('Identify: browse', () => {
  it('shows this week’s rankings first, with the hidden adult entries counted', async () => {
    const backend = await renderIdentify();
    await openTab('Browse');
    const titles = await rankedTitles();
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe('Ranked anime 1');
    expect(screen.getByRole('button', { name: 'This week' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('990 searches')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('2 adult entries hidden');
    expect(screen.getByText('1–10 of 45')).toBeInTheDocument();
    expect(rankingRequests(backend)).toEqual([{ period: 'weekly', offset: 0, limit: 10 }]);
  });

  it('switches period and pages, back to the first page on a new period', async () => {
    const backend = await renderIdentify();
    await openTab('Browse');
    await rankedTitles();
    const pages = screen.getByRole('navigation', { name: 'Rankings pages' });
    expect(within(pages).getByRole('button', { name: 'Previous' })).toBeDisabled();

    for (const range of ['11–20', '21–30', '31–40', '41–45']) {
      await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByText(`${range} of 45`);
    }
    expect((await rankedTitles())[0]).toBe('Ranked anime 41');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByText('31–40 of 45');

    await fireEvent.click(screen.getByRole('button', { name: 'All time' }));
    await screen.findByText('1–10 of 45');
    expect(screen.getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'true');
    expect(rankingRequests(backend).at(-2)).toEqual({ period: 'weekly', offset: 30, limit: 10 });
    expect(rankingRequests(backend).at(-1)).toEqual({ period: 'all', offset: 0, limit: 10 });
  });

  it('opens a ranked anime on AniList', async () => {
    const backend = await renderIdentify();
    await openTab('Browse');
    await rankedTitles();
    await fireEvent.click(screen.getByRole('button', { name: 'Open Ranked anime 3 on AniList' }));
    await waitFor(() => {
      expect(backend.received.at(-1)).toEqual({
        channel: 'shell:open-link',
        request: { url: 'https://anilist.co/anime/3' },
      });
    });
  });

  it('shows a rate limit with its wait, and Retry', async () => {
    await renderIdentify({
      'identify:rankings': () => {
        throw new NekodeskError('rate_limited', 'Too many requests.', { retryAfter: 30 });
      },
    });
    await openTab('Browse');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You can retry in 30 seconds.');
  });

  it('pages through recent public searches', async () => {
    const backend = await renderIdentify();
    await openTab('Browse');
    await fireEvent.click(screen.getByRole('tab', { name: 'Recent searches' }));
    const grid = await screen.findByRole('list', { name: 'Recent searches' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(20);
    expect(within(grid).getAllByRole('listitem')[1]).toHaveTextContent('Recent anime 2');
    expect(within(grid).getAllByRole('listitem')[1]).toHaveTextContent('Episode 1 · 01:31 · 95.0%');

    const pages = screen.getByRole('navigation', { name: 'Recent searches pages' });
    await fireEvent.click(within(pages).getByRole('button', { name: 'Next' }));
    await screen.findByText('21–30 of 30');
    expect(
      backend.received.filter((call) => call.channel === 'identify:recent').map((c) => c.request),
    ).toEqual([
      { offset: 0, limit: 20 },
      { offset: 20, limit: 20 },
    ]);
  });

  it('moves between the Browse tabs with the arrow keys', async () => {
    await renderIdentify();
    await openTab('Browse');
    const rankings = screen.getByRole('tab', { name: 'Rankings' });
    await fireEvent.keyDown(rankings, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Recent searches' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Recent searches' })).toHaveFocus();
  });
});
