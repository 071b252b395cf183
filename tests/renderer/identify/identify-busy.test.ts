/**
 * A paste or a drop while an identification runs is not sent (it would spend a search the person may not want)
 * and not dropped silently either: a toast says to give it again once the results are in.
 */
import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { IdentifyResult } from '../../../preload/contract';
import { deferred } from '../support/fake-api';
import { fakeResult } from './fake-identify';
import { channels, dropFile, pngFile, renderIdentify, transfer } from './identify-support';

/** The main window identifying `first.png`, with main's answer held until the test gives it. */
async function identifyingFirst() {
  const answer = deferred<IdentifyResult>();
  const backend = await renderIdentify({ 'identify:image': () => answer.promise });
  await dropFile(pngFile('first.png'));
  expect(await screen.findByRole('status')).toHaveTextContent('Identifying first.png');
  await waitFor(() => {
    expect(channels(backend)).toEqual(['identify:image']);
  });
  return { backend, answer };
}

function notifications() {
  return within(screen.getByRole('region', { name: 'Notifications' }));
}

describe('Identify: an image given while one is being identified', () => {
  it('says a paste must wait, once, and sends nothing', async () => {
    const { backend, answer } = await identifyingFirst();
    await fireEvent.paste(document.body, { clipboardData: transfer([pngFile('second.png')]) });
    await fireEvent.paste(document.body, { clipboardData: transfer([], 'https://images.example/third.png') });

    const told = await notifications().findAllByText(
      'Still identifying the previous image… Paste this one again once its results are in.',
    );
    expect(told).toHaveLength(1);
    expect(channels(backend)).toEqual(['identify:image']);

    answer.resolve(fakeResult({ label: 'first.png' }));
    await screen.findByRole('heading', { name: 'Results for first.png' });
    await fireEvent.paste(document.body, { clipboardData: transfer([pngFile('second.png')]) });
    await waitFor(() => {
      expect(channels(backend)).toEqual(['identify:image', 'identify:image']);
    });
  });

  it('says a drop must wait, in the zone while dragging and after the drop', async () => {
    const { backend } = await identifyingFirst();
    const zone = screen.getByRole('group', { name: 'Drop zone' });
    const dataTransfer = transfer([pngFile('second.png')]);
    await fireEvent.dragOver(zone, { dataTransfer });
    expect(zone).toHaveTextContent('Still identifying the previous image…');

    await fireEvent.drop(zone, { dataTransfer });
    expect(
      await notifications().findByText(
        'Still identifying the previous image… Drop this one again once its results are in.',
      ),
    ).toBeInTheDocument();
    expect(channels(backend)).toEqual(['identify:image']);
    // Still on the first image: its progress, the inputs waiting.
    expect(screen.getByRole('button', { name: 'Choose image…' })).toBeDisabled();
    expect(screen.queryByRole('heading', { name: /^Results for/ })).not.toBeInTheDocument();
  });
});
