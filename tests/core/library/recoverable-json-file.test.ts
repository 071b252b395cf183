import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RecoverableJsonFile,
  type RecoverableJsonFileFormat,
  type RecoverableJsonFileOptions,
} from '../../../main/core/library/recoverable-json-file';
import { useTempDir } from '../../support/temp-dir';

interface Notes {
  notes: string[];
}

function notesFormat(
  extra: Partial<RecoverableJsonFileFormat<Notes>> = {},
): RecoverableJsonFileFormat<Notes> {
  return {
    fileName: 'notes.json',
    parse: (raw) => {
      if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as Notes).notes)) return null;
      const all = (raw as { notes: unknown[] }).notes;
      const notes = all.filter((note): note is string => typeof note === 'string');
      return { data: { notes }, dropped: all.length - notes.length };
    },
    serialize: (data) => `${JSON.stringify(data)}\n`,
    empty: () => ({ notes: [] }),
    wording: { subject: 'The notes file', contents: 'your notes', startedEmpty: 'no notes are left' },
    ...extra,
  };
}

class NotesFile extends RecoverableJsonFile<Notes> {
  constructor(dir: string, options: RecoverableJsonFileOptions = {}) {
    super(dir, notesFormat(), options);
  }
}

describe('RecoverableJsonFile', () => {
  const tempDir = useTempDir('nekodesk-recoverable-json-');
  const now = () => Date.UTC(2026, 0, 2, 3, 4, 5, 6);

  it('writes atomically to the file and its backup, and opens in a new folder', async () => {
    const dir = path.join(tempDir(), 'nested');
    const file = await NotesFile.open(dir);
    expect(file).toBeInstanceOf(NotesFile);
    await file.update((data) => ({ notes: [...data.notes, 'a'] }));
    expect(readFileSync(path.join(dir, 'notes.json'), 'utf8')).toBe('{"notes":["a"]}\n');
    expect(readFileSync(path.join(dir, 'notes.json.bak'), 'utf8')).toBe('{"notes":["a"]}\n');
    expect(readdirSync(dir).sort()).toEqual(['notes.json', 'notes.json.bak']);
    expect(file.notices).toEqual([]);
  });

  it('keeps a corrupt file aside and restores the backup, or starts empty', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const file = new NotesFile(dir, { now, onNotice: (notice) => seen.push(notice) });
    await file.update(() => ({ notes: ['kept'] }));
    writeFileSync(path.join(dir, 'notes.json'), '{ not json');
    await expect(file.read()).resolves.toEqual({ notes: ['kept'] });
    const aside = path.join(dir, 'notes.corrupt-2026-01-02T03-04-05-006Z.json');
    expect(file.notices).toEqual([
      `The notes file could not be read; it was restored from its backup (the damaged file is kept as ${aside}).`,
    ]);
    expect(seen).toEqual(file.notices);

    writeFileSync(path.join(dir, 'notes.json.bak'), 'nope');
    writeFileSync(path.join(dir, 'notes.json'), '[]');
    const other = new NotesFile(dir, { now: () => now() + 1 });
    await expect(other.read()).resolves.toEqual({ notes: [] });
    expect(other.notices[0]).toMatch(
      /^The notes file could not be read and its backup could not be read either; no notes are left \(/,
    );
  });

  it('restores a missing file from its backup, and reads a missing file with no backup as empty', async () => {
    const dir = tempDir();
    const file = new NotesFile(dir);
    await expect(file.read()).resolves.toEqual({ notes: [] });
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(path.join(dir, 'notes.json.bak'), '{"notes":["b"]}');
    await expect(file.read()).resolves.toEqual({ notes: ['b'] });
    expect(file.notices).toEqual(['The notes file was missing; it was restored from its backup.']);
  });

  it.each(['copy', 'rewrite'] as const)(
    'drops invalid entries, keeping the original aside (%s)',
    async (how) => {
      const dir = tempDir();
      const original = '{"notes":["x",1,2]}';
      writeFileSync(path.join(dir, 'notes.json'), original);
      const file = new RecoverableJsonFile(dir, notesFormat({ keepInvalidBy: how }), { now });
      await expect(file.read()).resolves.toEqual({ notes: ['x'] });
      const aside = path.join(dir, 'notes.invalid-2026-01-02T03-04-05-006Z.json');
      expect(readFileSync(aside, 'utf8')).toBe(original);
      expect(file.notices).toEqual([
        `2 invalid entries were left out of your notes; the file as it was is kept as ${aside}.`,
      ]);
      expect(readFileSync(path.join(dir, 'notes.json'), 'utf8')).toBe('{"notes":["x"]}\n');
    },
  );

  it('with the cache, skips re-reading an unchanged file', async () => {
    const dir = tempDir();
    let parses = 0;
    const format = notesFormat({ cache: true });
    const parse = format.parse;
    const file = new RecoverableJsonFile(dir, { ...format, parse: (raw) => (parses++, parse(raw)) });
    await file.update(() => ({ notes: ['c'] }));
    const first = await file.read();
    expect(await file.read()).toBe(first);
    expect(parses).toBe(0);
    writeFileSync(path.join(dir, 'notes.json'), '{"notes":["d","e"]}');
    await expect(file.read()).resolves.toEqual({ notes: ['d', 'e'] });
    expect(parses).toBe(1);
  });
});
