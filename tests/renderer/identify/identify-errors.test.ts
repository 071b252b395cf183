import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import { fakeResult } from './fake-identify';
import { channels, dropFile, pngFile, renderIdentify } from './identify-support';

/** An identify:image handler that fails with `error` the first `times` calls, then answers. */
function failing(error: NekodeskError, times = 1) {
  let calls = 0;
  return (request?: { name: string }) => {
    calls += 1;
    if (calls <= times) throw error;
    return fakeResult({ label: request?.name ?? 'Clipboard image' });
  };
}

describe('Identify: failures, by error code', () => {
  it('counts down a rate limit before Retry sends the same image again', async () => {
    const backend = await renderIdentify({
      'identify:image': failing(
        new NekodeskError('rate_limited', 'whatanimeisthis.com asks to slow down.', { retryAfter: 1 }),
      ),
    });
    await dropFile(pngFile('scene.png', 512));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Slow down a little');
    expect(alert).toHaveTextContent('You can retry in 1 second.');
    const retry = screen.getByRole('button', { name: 'Retry' });
    expect(retry).toBeDisabled();

    await waitFor(() => expect(retry).toBeEnabled(), { timeout: 4000 });
    await fireEvent.click(retry);
    await screen.findByRole('heading', { name: 'Results for scene.png' });
    const sent = backend.received.filter((call) => call.channel === 'identify:image');
    expect(sent).toHaveLength(2);
    expect((sent[1]?.request as { data: Uint8Array }).data.byteLength).toBe(512);
  });

  it('points to Account when the searches are used up', async () => {
    const message = 'You have used your free searches on whatanimeisthis.com for today. Sign in for more.';
    await renderIdentify({ 'identify:image': failing(new NekodeskError('quota_exceeded', message)) });
    await dropFile(pngFile());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No searches left');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Open Account' }));
    expect(screen.getByRole('tab', { name: 'Account' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'Searching as a guest' })).toBeInTheDocument();
  });

  it('points to Account when the key is refused', async () => {
    const message = 'Your API key was refused by whatanimeisthis.com. Check it, or create a new one.';
    await renderIdentify({
      'identify:url': () => Promise.reject(new NekodeskError('unauthorized', message)),
    });
    await fireEvent.input(screen.getByLabelText('Or an image address'), {
      target: { value: 'https://images.example/a.png' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Identify URL' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Open Account' })).toBeInTheDocument();
  });

  it('says when Nekodesk is offline, and Retry works once it is back', async () => {
    const backend = await renderIdentify({
      'identify:clipboard': failing(new NekodeskError('offline', 'fetch failed')),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Identify clipboard image' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You appear to be offline');
    expect(alert).toHaveTextContent('Nekodesk could not reach whatanimeisthis.com');

    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: /^Results for/ });
    expect(channels(backend)).toEqual(['identify:clipboard', 'identify:clipboard']);
  });

  it('names what failed and offers Dismiss beside Retry', async () => {
    await renderIdentify({
      'identify:image': failing(new NekodeskError('upstream_error', 'whatanimeisthis.com answered 503.')),
    });
    await dropFile(pngFile('episode-12.png'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('episode-12.png');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();

    await fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Which anime is it from?' })).toBeInTheDocument();
  });

  it('explains a refused image, which can be dismissed', async () => {
    const message = 'This file is not an image Nekodesk can read (PNG, JPEG, WebP or GIF).';
    await renderIdentify({ 'identify:image': failing(new NekodeskError('invalid_input', message)) });
    await dropFile(pngFile('broken.png'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That image could not be used');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByRole('button', { name: 'Open Account' })).not.toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Which anime is it from?' })).toBeInTheDocument();
  });
});
