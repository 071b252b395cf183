/**
 * The X11 selection owner in this process, on a private X server, read back by real requestors: xclip
 * (what people and scripts use; it speaks INCR) and a second X client for what xclip cannot ask
 * (MULTIPLE, an old timestamp, the owner's pid).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ownSelection,
  type SelectionOwner,
  type SelectionOwnerOptions,
} from '../../../main/core/clipboard/x11-selection-owner';
import { selectionTargets } from '../../../main/core/clipboard/x11-selection-targets';
import { encodeGif } from '../../fakes/image-bytes';
import { requireX11Tools, startXvfb, type XvfbServer } from '../../support/xvfb';
import { largeAnimatedGif } from './large-gif';
import { openRequestor } from './x11-requestor';
import { xclipIn, xclipOut, xclipTargets } from './xclip';

const tools = requireX11Tools(['Xvfb', 'xclip']);
const URL_TEXT = 'https://nekos.best/api/v2/hug/ü.gif';
const FILE = '/tmp/nekodesk cache/hug #1.gif';

describe.skipIf(!tools.available)('X11 selection owner (under Xvfb)', () => {
  let xvfb: XvfbServer;
  const owners: SelectionOwner[] = [];

  beforeAll(async () => {
    xvfb = await startXvfb();
  });
  afterEach(async () => {
    await Promise.all(owners.splice(0).map((owner) => owner.stop()));
  });
  afterAll(() => xvfb.close());

  const own = async (options: Omit<SelectionOwnerOptions, 'display'>): Promise<SelectionOwner> => {
    const owner = await ownSelection({ display: xvfb.display, ...options });
    owners.push(owner);
    return owner;
  };
  const xclip = (target: string): Promise<Buffer> => xclipOut(xvfb.display, target);
  const targets = (): Promise<string[]> => xclipTargets(xvfb.display);

  it('a file: its URI list, the GIF bytes as image/gif and the text, under every usual name', async () => {
    const gif = encodeGif(6, 4, [200, 30, 90]);
    await own({ targets: selectionTargets({ files: [FILE], text: URL_TEXT }, gif) });

    expect(await targets()).toEqual([
      'TARGETS',
      'TIMESTAMP',
      'MULTIPLE',
      'text/uri-list',
      'x-special/gnome-copied-files',
      'image/gif',
      'UTF8_STRING',
      'text/plain;charset=utf-8',
      'text/plain',
      'TEXT',
      'STRING',
    ]);
    expect((await xclip('text/uri-list')).toString()).toBe('file:///tmp/nekodesk%20cache/hug%20%231.gif\r\n');
    expect((await xclip('x-special/gnome-copied-files')).toString()).toBe(
      'copy\nfile:///tmp/nekodesk%20cache/hug%20%231.gif',
    );
    expect((await xclip('image/gif')).equals(gif)).toBe(true);
    for (const target of ['UTF8_STRING', 'text/plain;charset=utf-8', 'text/plain', 'TEXT'])
      expect((await xclip(target)).toString('utf8')).toBe(URL_TEXT);
    // STRING is Latin-1 (ICCCM): ü is one byte there.
    expect((await xclip('STRING')).toString('latin1')).toBe(URL_TEXT);
  });

  it('a multi-MB GIF goes by INCR, whole, to several requestors at once', async () => {
    const gif = await largeAnimatedGif();
    expect(gif.length).toBeGreaterThan(3 * 1024 * 1024);
    await own({ targets: selectionTargets({ files: [FILE], text: URL_TEXT }, gif) });
    const [first, second, third, text] = await Promise.all([
      xclip('image/gif'),
      xclip('image/gif'),
      xclip('image/gif'),
      xclip('UTF8_STRING'),
    ]);
    for (const copy of [first, second, third]) expect(copy.equals(gif)).toBe(true);
    expect(text.toString('utf8')).toBe(URL_TEXT);
  });

  it('INCR pieces end right at a piece boundary and one byte past it', async () => {
    for (const size of [3000, 3001]) {
      const text = 'ab'.repeat(size).slice(0, size);
      const owner = await own({ targets: selectionTargets({ files: [], text }), maxPieceBytes: 1000 });
      expect((await xclip('UTF8_STRING')).toString('utf8')).toBe(text);
      await owner.stop();
    }
  });

  it('answers TIMESTAMP and MULTIPLE, and refuses what it does not offer', async () => {
    const owner = await own({
      targets: selectionTargets({ files: [], text: URL_TEXT, imagePng: new Uint8Array([1, 2]) }),
    });
    const requestor = await openRequestor(xvfb.display);
    try {
      const timestamp = await requestor.convert('TIMESTAMP');
      expect(timestamp?.type).toBe('INTEGER');
      expect(timestamp?.data.readUInt32LE(0)).toBe(owner.acquiredAt);

      const answers = await requestor.multiple(['image/png', 'image/gif', 'UTF8_STRING']);
      expect(answers[0]).toEqual({ type: 'image/png', data: Buffer.from([1, 2]) });
      expect(answers[1]).toBeNull();
      expect(answers[2]).toEqual({ type: 'UTF8_STRING', data: Buffer.from(URL_TEXT) });

      expect(await requestor.convert('image/gif')).toBeNull();
      // A request timed before the owner took the selection was meant for an earlier owner.
      expect(await requestor.convert('UTF8_STRING', owner.acquiredAt - 1)).toBeNull();
      expect((await requestor.owner())?.pid).toBe(process.pid);
    } finally {
      await requestor.close();
    }
  });

  it('ends when another client copies, and the clipboard is theirs', async () => {
    const owner = await own({ targets: selectionTargets({ files: [], text: URL_TEXT }) });
    await xclipIn(xvfb.display, 'theirs');
    expect(await owner.finished).toBe('lost');
    expect((await xclip('UTF8_STRING')).toString()).toBe('theirs');
  });

  it('finishes a transfer under way before it ends for another client’s copy', async () => {
    // 16,000 pieces of 64 bytes: seconds of INCR, well past the moment the other client copies.
    const text = 'nekodesk '.repeat(1_000_000 / 9);
    const owner = await own({ targets: selectionTargets({ files: [], text }), maxPieceBytes: 64 });
    const reading = xclip('UTF8_STRING');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await xclipIn(xvfb.display, 'theirs');
    expect((await reading).toString('utf8')).toBe(text);
    expect(await owner.finished).toBe('lost');
    expect((await xclip('UTF8_STRING')).toString()).toBe('theirs');
  });

  it('ends after the idle bound and gives the clipboard up', async () => {
    const owner = await own({ targets: selectionTargets({ files: [], text: URL_TEXT }), idleMs: 300 });
    expect((await xclip('UTF8_STRING')).toString()).toBe(URL_TEXT);
    expect(await owner.finished).toBe('idle');
    const requestor = await openRequestor(xvfb.display);
    expect(await requestor.owner()).toBeNull();
    await requestor.close();
  });

  it('ends when the X server goes away (a second server: atoms are not mixed up between servers)', async () => {
    const other = await startXvfb();
    try {
      const owner = await ownSelection({
        display: other.display,
        targets: selectionTargets({ files: [], text: 'x' }),
      });
      await other.close();
      expect(await owner.finished).toBe('disconnected');
    } finally {
      await other.close();
    }
  });

  it('a display without a server: one clear error', async () => {
    await expect(ownSelection({ display: ':65000', targets: [] })).rejects.toThrow(
      'Cannot open the X display :65000: no X server is running there.',
    );
    await expect(ownSelection({ display: 'nonsense', targets: [] })).rejects.toThrow(
      'DISPLAY=nonsense is not an X display name (like :0).',
    );
  });
});
