/**
 * The capture overlay page: the rectangle selected with the mouse or the keyboard reaches main as a
 * region of the screenshot, in the screenshot's own pixels. jsdom's window is 1024 × 768 CSS px; the
 * screenshots here are 2048 × 1536 (a display at scale factor 2), so every region is twice the CSS size.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import Capture from '../../../renderer/src/capture/Capture.svelte';
import { createFakeApi, type FakeHandlers } from '../support/fake-api';

const SOURCE = {
  imageUrl: 'nekodesk://cache/i/0123456789abcdef0123456789abcdef.png',
  width: 2048,
  height: 1536,
};

afterEach(() => {
  cleanup();
});

async function setUp(overrides: Partial<FakeHandlers> = {}) {
  const backend = createFakeApi({
    'capture:source': () => SOURCE,
    'capture:finish': () => null,
    ...overrides,
  });
  const { container } = render(Capture, { api: backend.api });
  const answers = () =>
    backend.received.filter((call) => call.channel === 'capture:finish').map((call) => call.request);
  if (overrides['capture:source'] === undefined)
    await waitFor(() => expect(container.querySelector('img.shot')).toHaveAttribute('src', SOURCE.imageUrl));
  return { ...backend, container, answers };
}

async function drag(from: [number, number], to: [number, number]): Promise<void> {
  await fireEvent.pointerDown(window, { button: 0, clientX: from[0], clientY: from[1], pointerId: 1 });
  await fireEvent.pointerMove(window, { clientX: (from[0] + to[0]) / 2, clientY: (from[1] + to[1]) / 2 });
  await fireEvent.pointerMove(window, { clientX: to[0], clientY: to[1] });
  await fireEvent.pointerUp(window, { clientX: to[0], clientY: to[1] });
}

/** What a browser fires for a double-click: two presses and releases without moving, then dblclick. */
async function doubleClick(at: [number, number]): Promise<void> {
  const where = { clientX: at[0], clientY: at[1] };
  for (let click = 0; click < 2; click += 1) {
    await fireEvent.pointerDown(window, { button: 0, pointerId: 1, ...where });
    await fireEvent.pointerUp(window, where);
    await fireEvent.click(window, where);
  }
  await fireEvent.dblClick(window, where);
}

const key = (name: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  fireEvent.keyDown(window, { key: name, ...modifiers });

describe('the capture overlay', () => {
  it('shows the screenshot dimmed, and the dragged rectangle with its size in screenshot pixels', async () => {
    const { container } = await setUp();
    expect(container.querySelector('.dim')).not.toBeNull();
    expect(screen.getByText(/Drag to select/)).toBeInTheDocument();

    await drag([100, 50], [300, 250]);
    const selection = screen.getByTestId('selection');
    expect(selection.style.left).toBe('100px');
    expect(selection.style.top).toBe('50px');
    expect(selection.style.width).toBe('200px');
    expect(selection.style.height).toBe('200px');
    expect(selection).toHaveTextContent('400 × 400');
    expect(container.querySelector('.dim')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Selected 400 by 400 pixels');
  });

  it('answers the selected region on Enter', async () => {
    const { answers } = await setUp();
    await drag([100, 50], [300, 250]);
    await key('Enter');
    await waitFor(() => {
      expect(answers()).toEqual([{ region: { x: 200, y: 100, width: 400, height: 400 } }]);
    });
  });

  it('takes a rectangle dragged in any direction, cut at the screen edge, and confirms it on double-click', async () => {
    const { answers } = await setUp();
    await drag([1000, 700], [900, 800]);
    expect(screen.getByTestId('selection')).toHaveTextContent('200 × 136');
    // A double-click outside the rectangle drops it and confirms nothing.
    await drag([100, 100], [300, 300]);
    await doubleClick([500, 500]);
    expect(screen.queryByTestId('selection')).toBeNull();
    expect(answers()).toEqual([]);
    await drag([1000, 700], [900, 800]);
    await doubleClick([950, 750]);
    await waitFor(() => {
      expect(answers()).toEqual([{ region: { x: 1800, y: 1400, width: 200, height: 136 } }]);
    });
  });

  it('treats a click as no selection, and Enter then takes the whole screen', async () => {
    const { answers } = await setUp();
    await drag([100, 100], [300, 300]);
    await drag([500, 500], [502, 501]);
    expect(screen.queryByTestId('selection')).toBeNull();
    await key('Enter');
    await waitFor(() => {
      expect(answers()).toEqual([{ region: { x: 0, y: 0, width: 2048, height: 1536 } }]);
    });
  });

  it('selects with the keyboard: an arrow starts in the middle, arrows move, Shift resizes, Ctrl steps by 10', async () => {
    const { answers } = await setUp();
    await key('ArrowRight');
    const selection = screen.getByTestId('selection');
    expect(selection).toHaveTextContent('1024 × 768');
    await key('ArrowRight');
    await key('ArrowLeft', { ctrlKey: true });
    await key('ArrowDown', { shiftKey: true });
    await key('ArrowRight', { shiftKey: true, ctrlKey: true });
    expect(selection.style.left).toBe('247px');
    expect(selection.style.top).toBe('192px');
    expect(selection).toHaveTextContent('1044 × 770');
    await key('Enter');
    await waitFor(() => {
      expect(answers()).toEqual([{ region: { x: 494, y: 384, width: 1044, height: 770 } }]);
    });
  });

  it('keeps a moved rectangle on the screen', async () => {
    await setUp();
    await drag([0, 0], [100, 100]);
    await key('ArrowLeft', { ctrlKey: true });
    await key('ArrowUp');
    const selection = screen.getByTestId('selection');
    expect(selection.style.left).toBe('0px');
    expect(selection.style.top).toBe('0px');
  });

  it('cancels on Esc', async () => {
    const { answers } = await setUp();
    await drag([100, 50], [300, 250]);
    await key('Escape');
    await waitFor(() => {
      expect(answers()).toEqual([{ region: null }]);
    });
  });

  it('says what went wrong when there is no screenshot, and Esc still closes', async () => {
    const { answers } = await setUp({
      'capture:source': () => {
        throw new NekodeskError('invalid_input', 'No screen capture is open.');
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No screen capture is open. Press Esc to close.',
    );
    await key('Enter');
    await key('Escape');
    await waitFor(() => {
      expect(answers()).toEqual([{ region: null }]);
    });
  });

  it('shows a refused answer and lets the person answer again', async () => {
    let refuse = true;
    const { answers } = await setUp({
      'capture:finish': () => {
        if (refuse)
          throw new NekodeskError('invalid_input', 'The selected region is outside the screenshot.');
        return null;
      },
    });
    await drag([100, 50], [300, 250]);
    await key('Enter');
    expect(await screen.findByRole('alert')).toHaveTextContent('outside the screenshot');
    refuse = false;
    await key('Enter');
    await waitFor(() => {
      expect(answers()).toHaveLength(2);
    });
  });
});
