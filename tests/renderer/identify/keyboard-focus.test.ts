/**
 * Where the keyboard's focus goes when what had it disappears or is disabled (as Chromium does: a disabled or
 * removed control hands focus to the page). Each test focuses the control a person would have used, acts, and
 * checks focus landed where the next step is, not on the page's body.
 */
import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import { FAKE_EMAIL, FAKE_PASSWORD, fakeCandidate, fakeResult } from './fake-identify';
import { dropFile, openTab, pngFile, renderIdentify } from './identify-support';

/** Focuses `button` and clicks it, as Enter on a focused button does. */
async function press(button: HTMLElement): Promise<void> {
  button.focus();
  await fireEvent.click(button);
}

/**
 * Chromium's focus fix-up, which jsdom lacks: once a focused button is disabled (and the page drawn), focus
 * falls to the page. jsdom can neither blur a disabled button nor does it fix focus up on its own, but it does
 * move focus off a removed element: so focus goes to a stand-in that is then removed.
 */
async function losesFocusWhenDisabled(button: HTMLButtonElement): Promise<void> {
  await waitFor(() => {
    expect(button).toBeDisabled();
  });
  const standIn = document.createElement('input');
  document.body.append(standIn);
  standIn.focus();
  standIn.remove();
  expect(document.body).toHaveFocus();
}

function historyRows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Identification history' })).getAllByRole('listitem');
}

function openButton(row: HTMLElement): HTMLElement {
  return within(row).getAllByRole('button')[0]!;
}

describe('Identify: the keyboard keeps its place', () => {
  /** Main's answer, held until the test lets it go: the page draws "working" (and the disabled inputs) first. */
  function held<T>(): { answer: () => Promise<T>; release: (value: () => T) => void } {
    let release: (value: () => T) => void = () => undefined;
    const gate = new Promise<() => T>((resolve) => {
      release = resolve;
    });
    return { answer: async () => (await gate)(), release };
  }

  it('lands on the results’ heading when an identification started from a button ends', async () => {
    const clipboard = held<ReturnType<typeof fakeResult>>();
    await renderIdentify({ 'identify:clipboard': clipboard.answer });
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Identify clipboard image' });
    await press(button);
    await losesFocusWhenDisabled(button);
    clipboard.release(() => fakeResult({ label: 'Clipboard image', source: 'clipboard' }));
    const heading = await screen.findByRole('heading', { name: 'Results for Clipboard image' });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
  });

  it('lands on the failure’s first action when an identification fails', async () => {
    const clipboard = held<never>();
    await renderIdentify({ 'identify:clipboard': clipboard.answer });
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Identify clipboard image' });
    await press(button);
    await losesFocusWhenDisabled(button);
    clipboard.release(() => {
      throw new NekodeskError('quota_exceeded', 'No guest searches left today.');
    });
    const account = await screen.findByRole('button', { name: 'Open Account' });
    await waitFor(() => {
      expect(account).toHaveFocus();
    });
  });

  it('leaves focus alone when the person has moved on while it ran', async () => {
    await renderIdentify();
    const url = screen.getByLabelText('Or an image address');
    await dropFile(pngFile('moved.png'));
    url.focus();
    await screen.findByRole('heading', { name: 'Results for moved.png' });
    expect(url).toHaveFocus();
  });

  it('opens a history entry onto its results, and goes back to its row', async () => {
    await renderIdentify();
    for (const name of ['first.png', 'second.png']) {
      await dropFile(pngFile(name));
      await screen.findByRole('heading', { name: `Results for ${name}` });
    }
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });

    await press(openButton(historyRows()[1]!));
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: 'Results for first.png' })).toHaveFocus();
    });
    await press(screen.getByRole('button', { name: '← Back to history' }));
    await waitFor(() => {
      expect(openButton(historyRows()[1]!)).toHaveFocus();
    });
    expect(openButton(historyRows()[1]!)).toHaveTextContent('first.png');
  });

  it('deletes a row far down the list without losing the rows loaded, and focuses the next one', async () => {
    let all = Array.from({ length: 25 }, (_, index) =>
      fakeResult({ label: `shot-${index}.png`, candidates: [fakeCandidate({ title: `Anime ${index}` })] }),
    );
    await renderIdentify({
      'identify:history': ({ offset, limit }) => ({
        items: all.slice(offset, offset + limit),
        total: all.length,
      }),
      'identify:delete-history': ({ id }) => {
        all = all.filter((entry) => entry.id !== id);
        return { items: all.slice(0, 20), total: all.length };
      },
    });
    await openTab('History');
    await screen.findByRole('list', { name: 'Identification history' });
    await fireEvent.click(screen.getByRole('button', { name: 'Show more (5 left)' }));
    await waitFor(() => {
      expect(historyRows()).toHaveLength(25);
    });

    await press(within(historyRows()[22]!).getByRole('button', { name: /^Delete Anime 22 / }));
    await waitFor(() => {
      expect(historyRows()).toHaveLength(24);
    });
    expect(screen.getByText('24 identifications')).toBeInTheDocument();
    expect(historyRows()[22]).toHaveTextContent('shot-23.png');
    expect(openButton(historyRows()[22]!)).toHaveFocus();
  });

  it('keeps focus on Next as the rankings page through', async () => {
    await renderIdentify();
    await openTab('Browse');
    const pages = await screen.findByRole('navigation', { name: 'Rankings pages' });
    await press(within(pages).getByRole('button', { name: 'Next' }));
    await screen.findByText('11–20 of 45');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    for (const range of ['21–30', '31–40', '41–45']) {
      await press(screen.getByRole('button', { name: 'Next' }));
      await screen.findByText(`${range} of 45`);
    }
    // The last page has no Next: focus goes to Previous rather than the page.
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveFocus();
  });

  it('announces a refused sign-in and puts focus back in the password field; a sign-in focuses the account', async () => {
    await renderIdentify();
    await openTab('Account');
    await fireEvent.input(await screen.findByLabelText('Email'), { target: { value: FAKE_EMAIL } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    await press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not accept that email and password');
    await waitFor(() => {
      expect(screen.getByLabelText('Password')).toHaveFocus();
    });

    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: FAKE_PASSWORD } });
    await press(screen.getByRole('button', { name: 'Sign in' }));
    const heading = await screen.findByRole('heading', { name: `Signed in as ${FAKE_EMAIL}` });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
  });
});
