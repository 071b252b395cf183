import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSelectionTargets, selectionTargets } from '../../../main/core/clipboard/x11-selection-targets';
import { encodeGif, encodePng } from '../../fakes/image-bytes';
import { useTempDir } from '../../support/temp-dir';

const names = (targets: { target: string; type: string }[]): string[] =>
  targets.map(({ target, type }) => (target === type ? target : `${target}→${type}`));

describe('what the X11 clipboard owner offers', () => {
  const temp = useTempDir();

  it('a file: the file lists, its bytes under the type its first bytes say, then the text', async () => {
    const file = path.join(temp(), 'named.gif');
    writeFileSync(file, encodePng(2, 2, [5, 5, 5]));
    const targets = await loadSelectionTargets({ files: [file], text: 'https://x.test/a.gif' });
    expect(names(targets)).toEqual([
      'text/uri-list',
      'x-special/gnome-copied-files',
      'image/png',
      'UTF8_STRING',
      'text/plain;charset=utf-8',
      'text/plain',
      'TEXT→UTF8_STRING',
      'STRING',
    ]);
  });

  it('mode image: the PNG; markdown with HTML: text/html; text beyond Latin-1 is "?" in STRING', () => {
    const image = selectionTargets({ files: [], text: 'x', imagePng: new Uint8Array([1]) });
    expect(names(image).slice(0, 2)).toEqual(['image/png', 'UTF8_STRING']);
    const html = selectionTargets({ files: [], text: 'Sōsō ü', html: '<b>x</b>' });
    expect(names(html)[0]).toBe('text/html');
    expect(html.find((target) => target.target === 'STRING')?.data.toString('latin1')).toBe('S?s? ü');
  });

  it('a file that is no image adds no image target; one that cannot be read is a clear error', async () => {
    expect(names(selectionTargets({ files: ['/a.gif'], text: 'x' }, Buffer.from('GIF? no.')))).not.toContain(
      'image/gif',
    );
    expect(names(selectionTargets({ files: ['/a.gif'], text: 'x' }, encodeGif(1, 1, [0, 0, 0])))).toContain(
      'image/gif',
    );
    const missing = path.join(temp(), 'gone.gif');
    await expect(loadSelectionTargets({ files: [missing], text: 'x' })).rejects.toThrow(
      `Cannot read the file to copy, ${missing}: ENOENT`,
    );
  });
});
