/**
 * Leaving a tab (or the Identify section) and coming back shows what was there: the address being typed, the
 * Browse section, period and page, the history entry that was open.
 */
import '@testing-library/svelte/vitest';
import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { dropFile, openSection, openTab, pngFile, renderIdentify } from './identify-support';

describe('Identify: coming back to a tab', () => {
  it('keeps the address being typed, across tabs and sections', async () => {
    await renderIdentify();
    const draft = 'https://images.example/half-typ';
    await fireEvent.input(screen.getByLabelText('Or an image address'), { target: { value: draft } });

    await openTab('History');
    await openTab('Identify');
    expect(screen.getByLabelText('Or an image address')).toHaveValue(draft);

    await openSection('Wallpaper');
    await openSection('Identify');
    expect(screen.getByLabelText('Or an image address')).toHaveValue(draft);
    expect(screen.getByRole('button', { name: 'Identify URL' })).toBeEnabled();
  });

  it('keeps the Browse section, the period and the page of each list', async () => {
    const backend = await renderIdentify();
    await openTab('Browse');
    await fireEvent.click(await screen.findByRole('button', { name: 'All time' }));
    await screen.findByText('1–10 of 45');
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('11–20 of 45');

    await fireEvent.click(screen.getByRole('tab', { name: 'Recent searches' }));
    const recentPages = await screen.findByRole('navigation', { name: 'Recent searches pages' });
    await fireEvent.click(within(recentPages).getByRole('button', { name: 'Next' }));
    await screen.findByText('21–30 of 30');

    await openTab('Account');
    await openSection('Settings');
    await openSection('Identify');
    await openTab('Browse');
    expect(screen.getByRole('tab', { name: 'Recent searches' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('21–30 of 30')).toBeInTheDocument();
    expect(backend.received.filter((call) => call.channel === 'identify:recent').at(-1)?.request).toEqual({
      offset: 20,
      limit: 20,
    });

    await fireEvent.click(screen.getByRole('tab', { name: 'Rankings' }));
    expect(await screen.findByText('11–20 of 45')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'true');
    expect(backend.received.filter((call) => call.channel === 'identify:rankings').at(-1)?.request).toEqual({
      period: 'all',
      offset: 10,
      limit: 10,
    });
  });

  it('keeps a history entry open', async () => {
    await renderIdentify();
    await dropFile(pngFile('first.png'));
    await screen.findByRole('heading', { name: 'Results for first.png' });
    await dropFile(pngFile('second.png'));
    await screen.findByRole('heading', { name: 'Results for second.png' });

    await openTab('History');
    const list = await screen.findByRole('list', { name: 'Identification history' });
    await fireEvent.click(within(list).getByRole('button', { name: /first\.png/ }));
    expect(screen.getByRole('heading', { name: 'Results for first.png' })).toBeInTheDocument();

    await openTab('Identify');
    expect(screen.getByRole('heading', { name: 'Results for second.png' })).toBeInTheDocument();
    await openSection('Wallpaper');
    await openSection('Identify');
    await openTab('History');
    expect(screen.getByRole('heading', { name: 'Results for first.png' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: '← Back to history' }));
    const rows = within(await screen.findByRole('list', { name: 'Identification history' }));
    expect(rows.getAllByRole('listitem')).toHaveLength(2);
  });
});
