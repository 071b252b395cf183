/**
 * Preview clips and `prefers-reduced-motion`: a clip with no still plays by itself only when motion is welcome,
 * and can always be paused; with reduced motion it waits for Play.
 */
import '@testing-library/svelte/vitest';
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMatchMedia, fakePlayback } from '../support/fake-media';
import { fakeCandidate, fakeResult } from './fake-identify';
import { renderIdentify } from './identify-support';

const REDUCE = '(prefers-reduced-motion: reduce)';
const CLIP = 'nekodesk://cache/i/clip.mp4';

let restore: (() => void)[] = [];

afterEach(() => {
  for (const undo of restore) undo();
  restore = [];
});

/** Shows one candidate with a clip and no still, and answers its card and its video. */
async function showClipOnly(reduceMotion: boolean) {
  restore.push(fakeMatchMedia({ [REDUCE]: reduceMotion }), fakePlayback());
  const backend = await renderIdentify();
  backend.emit(
    'identify:result',
    fakeResult({ candidates: [fakeCandidate({ title: 'Frieren', imageUrl: null, videoUrl: CLIP })] }),
  );
  const list = await screen.findByRole('list', { name: 'Candidates' });
  const card = within(list).getAllByRole('article')[0]!;
  const video = card.querySelector('video');
  if (video === null) throw new Error('The clip is not on the card.');
  return { card: within(card), video };
}

describe('Identify: preview clips and reduced motion', () => {
  it('never autoplays with reduced motion, and plays on Play', async () => {
    const { card, video } = await showClipOnly(true);
    expect(video).toHaveAttribute('src', CLIP);
    expect(video).not.toHaveAttribute('autoplay');
    expect(video.paused).toBe(true);

    await fireEvent.click(card.getByRole('button', { name: 'Play the clip of Frieren' }));
    expect(video.paused).toBe(false);
    await fireEvent.click(card.getByRole('button', { name: 'Pause the clip of Frieren' }));
    expect(video.paused).toBe(true);
    expect(card.getByRole('button', { name: 'Play the clip of Frieren' })).toBeInTheDocument();
  });

  it('autoplays without reduced motion, with Pause at hand', async () => {
    const { card, video } = await showClipOnly(false);
    expect(video).toHaveAttribute('autoplay');
    await video.play(); // what the browser does for `autoplay` once the clip has loaded
    await fireEvent.click(card.getByRole('button', { name: 'Pause the clip of Frieren' }));
    expect(video.paused).toBe(true);
  });
});
