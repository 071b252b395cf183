import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCandidate, fakeResult } from './fake-identify';
import { renderIdentify } from './identify-support';

/** Shows `result` as main would push it, and answers the list of candidate cards. */
async function showResult(result = fakeResult()) {
  const backend = await renderIdentify();
  backend.emit('identify:result', result);
  const list = await screen.findByRole('list', { name: 'Candidates' });
  return { backend, cards: within(list).getAllByRole('article') };
}

/** jsdom has no clipboard: give the page one that does what `writeText` says. */
function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('Identify: results', () => {
  it('shows every candidate with its titles, episode, moment and similarity', async () => {
    const { cards } = await showResult();
    expect(cards).toHaveLength(5);

    const best = within(cards[0]!);
    expect(best.getByRole('heading', { name: 'Sousou no Frieren' })).toBeInTheDocument();
    expect(best.getByText("Frieren: Beyond Journey's End")).toBeInTheDocument();
    expect(best.getByText('葬送のフリーレン')).toBeInTheDocument();
    expect(best.getByText('Episode 5')).toBeInTheDocument();
    expect(best.getByText('12:23–12:28')).toBeInTheDocument();
    expect(best.getByText('96.2%')).toBeInTheDocument();
    expect(best.getByRole('meter', { name: 'Similarity' })).toHaveAttribute('aria-valuenow', '96.2');
    expect(best.getByText('Best match')).toBeInTheDocument();

    // A label for an episode, a moment past the hour with no range, and a film.
    const third = within(cards[2]!);
    expect(third.getByText('OVA')).toBeInTheDocument();
    expect(third.getByText('1:02:05')).toBeInTheDocument();
    expect(within(cards[3]!).getByText('Film')).toBeInTheDocument();
  });

  it('marks candidates under 87% as unlikely, rounding down so 86.1% never reads as likely', async () => {
    const { cards } = await showResult();
    const marks = cards.map((card) => within(card).queryByText('Unlikely') !== null);
    expect(marks).toEqual([false, false, true, true, true]);
    expect(within(cards[2]!).getByText('86.1%')).toBeInTheDocument();
    expect(within(cards[4]!).getByText('79.4%')).toBeInTheDocument();
  });

  it('warns when no candidate is likely, and says so when there is none at all', async () => {
    const weak = fakeResult({
      label: 'no-match.png',
      candidates: [fakeCandidate({ similarity: 0.84 }), fakeCandidate({ similarity: 0.71 })],
    });
    const { backend } = await showResult(weak);
    expect(screen.getByText('2 candidates, none likely', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Every candidate is under 87% similar');

    backend.emit('identify:result', fakeResult({ label: 'blank.png', candidates: [] }));
    expect(await screen.findByRole('heading', { name: 'No match found' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Candidates' })).not.toBeInTheDocument();
  });

  it('shows previews from the cache only, never a remote URL', async () => {
    const { cards } = await showResult(
      fakeResult({
        candidates: [
          fakeCandidate({ title: 'Cached', imageUrl: 'nekodesk://cache/i/aaaa.jpg' }),
          fakeCandidate({ title: 'Remote', imageUrl: 'https://cdn.example/preview.jpg' }),
        ],
      }),
    );
    expect(within(cards[0]!).getByRole('img', { name: 'Cached' })).toHaveAttribute(
      'src',
      'nekodesk://cache/i/aaaa.jpg',
    );
    expect(within(cards[1]!).queryByRole('img', { name: 'Remote' })).not.toBeInTheDocument();
    expect(document.querySelector('img[src^="https:"]')).toBeNull();
  });

  it('plays the preview clip, muted and looping, when asked', async () => {
    const { cards } = await showResult(
      fakeResult({ candidates: [fakeCandidate({ videoUrl: 'nekodesk://cache/i/clip.mp4' })] }),
    );
    const card = within(cards[0]!);
    expect(cards[0]!.querySelector('video')).toBeNull();
    await fireEvent.click(card.getByRole('button', { name: 'Clip' }));
    const video = cards[0]!.querySelector('video');
    expect(video).toHaveAttribute('src', 'nekodesk://cache/i/clip.mp4');
    expect(video?.muted).toBe(true);
    expect(video?.loop).toBe(true);
    expect(card.getByRole('button', { name: 'Still' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the cleaned upload and the searches left', async () => {
    await showResult();
    expect(screen.getByRole('img', { name: 'What was uploaded, after cleaning' })).toHaveAttribute(
      'src',
      expect.stringMatching(/^nekodesk:\/\/cache\/i\//),
    );
    expect(screen.getByText('Uploaded 123 kB (from 4.2 MB), 1280×720, borders cropped')).toBeInTheDocument();
    expect(screen.getByText('4 of 5 searches left today')).toBeInTheDocument();
  });

  it('copies a title to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const { cards } = await showResult();
    await fireEvent.click(within(cards[1]!).getByRole('button', { name: 'Copy title Bocchi the Rock!' }));
    expect(writeText).toHaveBeenCalledWith('Bocchi the Rock!');
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(await within(region).findByText('Copied “Bocchi the Rock!”.')).toBeInTheDocument();
  });

  it('says when the clipboard refuses a copy', async () => {
    stubClipboard(() => Promise.reject(new Error('denied')));
    const { cards } = await showResult();
    await fireEvent.click(within(cards[0]!).getByRole('button', { name: /^Copy title/ }));
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(await within(region).findByRole('alert')).toHaveTextContent('the clipboard refused it');
  });

  it('opens AniList through main, only for candidates with a link', async () => {
    const { backend, cards } = await showResult();
    await fireEvent.click(
      within(cards[0]!).getByRole('button', { name: 'Open Sousou no Frieren on AniList' }),
    );
    await waitFor(() => {
      expect(backend.received.at(-1)).toEqual({
        channel: 'shell:open-link',
        request: { url: 'https://anilist.co/anime/154587' },
      });
    });
    expect(within(cards[2]!).queryByRole('button', { name: /on AniList/ })).not.toBeInTheDocument();
  });
});
