import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import type { IdentifyResult } from '../../../preload/contract';
import { deferred } from '../support/fake-api';
import { fakeResult } from './fake-identify';
import { channels, dropFile, hugeFile, pngFile, renderIdentify, transfer } from './identify-support';

const NO_CLIPBOARD_IMAGE =
  'The clipboard holds no image. Copy a screenshot (or an image) first, then try again.';

describe('Identify: the ways in', () => {
  it('identifies a dropped image: its bytes, its name and the source "drop"', async () => {
    const backend = await renderIdentify();
    await dropFile(pngFile('frieren-ep5.png', 4096));

    expect(await screen.findByRole('heading', { name: 'Results for frieren-ep5.png' })).toBeInTheDocument();
    const call = backend.received.find((entry) => entry.channel === 'identify:image');
    const request = call?.request as { data: Uint8Array; name: string; source: string };
    expect(request.name).toBe('frieren-ep5.png');
    expect(request.source).toBe('drop');
    expect(request.data).toBeInstanceOf(Uint8Array);
    expect(request.data.byteLength).toBe(4096);
    expect(Array.from(request.data.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('identifies a chosen file as "pick"', async () => {
    const backend = await renderIdentify();
    const input = screen.getByLabelText('Image file to identify');
    expect(input).toHaveAttribute('accept', 'image/*');
    await fireEvent.change(input, { target: { files: [pngFile('chosen.jpg', 100, 'image/jpeg')] } });

    expect(await screen.findByRole('heading', { name: 'Results for chosen.jpg' })).toBeInTheDocument();
    expect(backend.received.at(-1)).toMatchObject({
      channel: 'identify:image',
      request: { name: 'chosen.jpg', source: 'pick' },
    });
  });

  it('identifies an image pasted anywhere in the view as "paste"', async () => {
    const backend = await renderIdentify();
    await fireEvent.paste(document.body, { clipboardData: transfer([pngFile('image.png')]) });

    await screen.findByRole('heading', { name: 'Results for image.png' });
    expect(backend.received.at(-1)).toMatchObject({
      channel: 'identify:image',
      request: { source: 'paste' },
    });
  });

  it('identifies a pasted http(s) URL, but leaves text pasted into a field to the field', async () => {
    const backend = await renderIdentify();
    const url = 'https://images.example/scene.jpg';
    await fireEvent.paste(screen.getByLabelText('Or an image address'), {
      clipboardData: transfer([], url),
    });
    expect(channels(backend)).toEqual([]);

    await fireEvent.paste(document.body, { clipboardData: transfer([], 'just some words') });
    expect(channels(backend)).toEqual([]);

    await fireEvent.paste(document.body, { clipboardData: transfer([], url) });
    await screen.findByRole('heading', { name: `Results for ${url}` });
    expect(backend.received.at(-1)).toEqual({ channel: 'identify:url', request: { url } });
  });

  it('identifies the address typed into the URL field, and refuses one that is not http(s)', async () => {
    const backend = await renderIdentify();
    const field = screen.getByLabelText('Or an image address');
    const submit = screen.getByRole('button', { name: 'Identify URL' });
    expect(submit).toBeDisabled();

    await fireEvent.input(field, { target: { value: 'ftp://files.example/a.png' } });
    await fireEvent.click(submit);
    expect(await screen.findByText(/starting with http:\/\/ or https:\/\//)).toBeInTheDocument();
    expect(channels(backend)).toEqual([]);

    await fireEvent.input(field, { target: { value: '  https://images.example/b.png ' } });
    await fireEvent.click(submit);
    await screen.findByRole('heading', { name: 'Results for https://images.example/b.png' });
    expect(backend.received.at(-1)).toEqual({
      channel: 'identify:url',
      request: { url: 'https://images.example/b.png' },
    });
  });

  it('identifies the clipboard image, and shows main’s refusal when it holds none', async () => {
    let empty = true;
    const backend = await renderIdentify({
      'identify:clipboard': () => {
        if (empty) throw new NekodeskError('invalid_input', NO_CLIPBOARD_IMAGE);
        return fakeResult({ label: 'Clipboard image', source: 'clipboard' });
      },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Identify clipboard image' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NO_CLIPBOARD_IMAGE);

    empty = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Identify clipboard image' }));
    await screen.findByRole('heading', { name: 'Results for Clipboard image' });
    expect(channels(backend)).toEqual(['identify:clipboard', 'identify:clipboard']);
  });

  it('keeps what was shown when a region capture is cancelled', async () => {
    const backend = await renderIdentify();
    await dropFile(pngFile('before.png'));
    await screen.findByRole('heading', { name: 'Results for before.png' });

    await fireEvent.click(screen.getByRole('button', { name: 'Capture a region' }));
    await waitFor(() => {
      expect(channels(backend).at(-1)).toBe('identify:capture');
    });
    expect(await screen.findByRole('heading', { name: 'Results for before.png' })).toBeInTheDocument();
  });

  it('refuses a file over 25 MB and a non-image before any call, saying why', async () => {
    const backend = await renderIdentify();
    await dropFile(hugeFile('huge.png', 30 * 1024 * 1024));
    expect(
      await screen.findByText(/“huge\.png” is 31 MB; images up to 25 MB can be identified/),
    ).toBeInTheDocument();

    await dropFile(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(await screen.findByText(/“notes\.txt” is not an image/)).toBeInTheDocument();

    await fireEvent.change(screen.getByLabelText('Image file to identify'), {
      target: { files: [hugeFile('big.jpg', 26 * 1024 * 1024, 'image/jpeg')] },
    });
    expect(await screen.findByText(/“big\.jpg” is 27 MB/)).toBeInTheDocument();
    expect(channels(backend)).toEqual([]);
  });

  it('shows progress while identifying, with the inputs waiting', async () => {
    const answer = deferred<IdentifyResult>();
    await renderIdentify({ 'identify:image': () => answer.promise });
    await dropFile(pngFile('slow.png'));

    const progress = await screen.findByRole('status');
    expect(progress).toHaveTextContent('Identifying slow.png');
    expect(screen.getByRole('button', { name: 'Choose image…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Capture a region' })).toBeDisabled();

    answer.resolve(fakeResult({ label: 'slow.png' }));
    await screen.findByRole('heading', { name: 'Results for slow.png' });
    expect(screen.getByRole('button', { name: 'Choose image…' })).toBeEnabled();
  });

  it('shows a result pushed by main (tray, hotkey) from any section, on the Identify tab', async () => {
    const backend = await renderIdentify();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    await fireEvent.click(within(nav).getByRole('button', { name: 'Wallpaper' }));

    backend.emit('identify:result', fakeResult({ label: 'Screen region', source: 'capture' }));
    expect(await screen.findByRole('heading', { name: 'Results for Screen region' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Identify' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('tab', { name: 'Identify' })).toHaveAttribute('aria-selected', 'true');
  });

  it('stops listening to identify:result when the window closes', async () => {
    const backend = await renderIdentify();
    expect(backend.listenerCount('identify:result')).toBe(1);
    backend.unmount();
    expect(backend.listenerCount('identify:result')).toBe(0);
  });
});
