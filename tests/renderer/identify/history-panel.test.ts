import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import { DEFAULT_SETTINGS } from '../support/fake-api';
import { fakeCandidate, fakeResult } from './fake-identify';
import { dropFile, openTab, pngFile, renderIdentify } from './identify-support';

async function identifyTwo(): Promise<void> {
  await dropFile(pngFile('first.png'));
  await screen.findByRole('heading', { name: 'Results for first.png' });
  await dropFile(pngFile('second.png'));
  await screen.findByRole('heading', { name: 'Results for second.png' });
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Identification history' })).getAllByRole('listitem');
}

describe('Identify: history', () => {
  it('invites a first identification when the history is empty', async () => {
    await renderIdentify();
    await openTab('History');
    expect(await screen.findByRole('heading', { name: 'No identifications yet' })).toBeInTheDocument();
  });

  it('lists identifications newest first, with the best candidate and when', async () => {
    await renderIdentify();
    await identifyTwo();
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toHaveTextContent('second.png · just now');
    expect(rows()[0]).toHaveTextContent('Sousou no Frieren');
    expect(rows()[0]).toHaveTextContent('Episode 5 · 96.2%');
    expect(screen.getByText('2 identifications')).toBeInTheDocument();
  });

  it('opens an entry to show all its results again, and comes back', async () => {
    await renderIdentify();
    await identifyTwo();
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });
    await fireEvent.click(within(rows()[1]!).getByRole('button', { name: /first\.png/ }));

    expect(screen.getByRole('heading', { name: 'Results for first.png' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Candidates' })).getAllByRole('article')).toHaveLength(5);
    await fireEvent.click(screen.getByRole('button', { name: '← Back to history' }));
    expect(rows()).toHaveLength(2);
  });

  it('deletes one entry', async () => {
    const backend = await renderIdentify();
    await identifyTwo();
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });
    await fireEvent.click(within(rows()[0]!).getByRole('button', { name: /^Delete .* from history$/ }));

    await waitFor(() => {
      expect(rows()).toHaveLength(1);
    });
    expect(rows()[0]).toHaveTextContent('first.png');
    const deletion = backend.received.find((call) => call.channel === 'identify:delete-history');
    expect((deletion?.request as { id: string }).id).toMatch(/^result-/);
  });

  it('clears everything only after a confirmation that Escape cancels', async () => {
    const backend = await renderIdentify();
    await identifyTwo();
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });

    await fireEvent.click(screen.getByRole('button', { name: 'Clear all…' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Delete all 2 identifications from this computer?');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.received.some((call) => call.channel === 'identify:delete-history')).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Clear all…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    expect(await screen.findByRole('heading', { name: 'No identifications yet' })).toBeInTheDocument();
    expect(backend.received.at(-1)).toEqual({ channel: 'identify:delete-history', request: {} });
  });

  it('pages with Show more', async () => {
    const all = Array.from({ length: 25 }, (_, index) =>
      fakeResult({ label: `shot-${index}.png`, candidates: [fakeCandidate({ title: `Anime ${index}` })] }),
    );
    await renderIdentify({
      'identify:history': ({ offset, limit }) => ({
        items: all.slice(offset, offset + limit),
        total: all.length,
      }),
    });
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });
    expect(rows()).toHaveLength(20);
    await fireEvent.click(screen.getByRole('button', { name: 'Show more (5 left)' }));
    await waitFor(() => {
      expect(rows()).toHaveLength(25);
    });
    expect(screen.queryByRole('button', { name: /Show more/ })).not.toBeInTheDocument();
  });

  it('says when the settings keep no history', async () => {
    await renderIdentify({
      'settings:get': () => ({
        ...DEFAULT_SETTINGS,
        identify: { ...DEFAULT_SETTINGS.identify, keepHistory: false },
      }),
    });
    await openTab('History');
    expect(await screen.findByRole('note')).toHaveTextContent('history is off in Settings');
  });

  it('offers Retry when the history cannot be read', async () => {
    let broken = true;
    await renderIdentify({
      'identify:history': () => {
        if (broken) throw new NekodeskError('internal', 'identify-history.json could not be read.');
        return { items: [], total: 0 };
      },
    });
    await openTab('History');
    expect(await screen.findByRole('alert')).toHaveTextContent('identify-history.json could not be read.');
    broken = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'No identifications yet' })).toBeInTheDocument();
  });
});
