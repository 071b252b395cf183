import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { swayPathArgument, wordexpLiteral } from '../../../../main/core/wallpaper/setters/sway-quoting';
import { useTempDir } from '../../../support/temp-dir';
import { HOSTILE_FILE } from './fakes';
import { splitCommands, swayHandlerArgs } from './sway-command-parser';

/** What wordexp(3) makes of `literal`, asked of a real POSIX shell (same rules, same command substitution). */
function shellWords(literal: string, cwd: string): Promise<string[]> {
  const run = promisify(execFile);
  return run('sh', ['-c', `printf '%s\\0' ${literal}`], { cwd }).then(({ stdout }) =>
    stdout.split('\0').slice(0, -1),
  );
}

const NAMES = [
  '/home/neko/.cache/nekodesk/wallpaper/span-1.png',
  '/home/Neko Chan/Pictures/wall paper.png',
  '/tmp/two  spaces   three.png',
  HOSTILE_FILE,
  '/tmp/$HOME $mod ${PATH} $(touch pwned) `touch pwned`.png',
  '/tmp/glob*?[a-z]{x,y}~!#%^&|<>=+@:.png',
  '/tmp/back\\slash \\\\ \\$ \\" \\n.png',
  '/tmp/quotes \' " \'\' "".png',
  '/tmp/line\nbreak\ttab\rreturn.png',
  '/tmp/日本語 ネコ 🐱.png',
  '/tmp/semi;colon,comma.png',
];

describe('sway file arguments', () => {
  const tempDir = useTempDir('nekodesk-sway-');

  it.each(NAMES)('%j reaches wordexp intact, as one word, running nothing', async (name) => {
    const argument = swayPathArgument(name);
    const swaymsgArgs = ['output', '*', 'bg', argument, 'fill'];
    const command = swaymsgArgs.join(' ');

    // sway's command parser: one command, five arguments, no $variable lookups.
    expect(splitCommands(command)).toHaveLength(1);
    const { argv, variableLookups } = swayHandlerArgs(swaymsgArgs);
    expect(argv).toHaveLength(5);
    expect(argv.slice(0, 3)).toEqual(['output', '*', 'bg']);
    expect(argv[4]).toBe('fill');
    expect(variableLookups).toBe(0);

    // expand_path: what is left is our wordexp literal, with no double space for it to rewrite.
    const literal = argv[3] ?? '';
    expect(literal).toBe(wordexpLiteral(name));
    expect(literal).not.toContain('  ');

    // wordexp itself, with command substitution enabled, as sway calls it.
    const cwd = tempDir();
    expect(await shellWords(literal, cwd)).toEqual([name]);
    expect(existsSync(path.join(cwd, 'pwned'))).toBe(false);
  });

  it('leaves ordinary paths readable', () => {
    expect(swayPathArgument('/home/neko/.cache/nekodesk/span-1.png')).toBe(
      '"/home/neko/.cache/nekodesk/span-1.png"',
    );
    expect(swayPathArgument('/a b.png')).toBe('"/a\\\\ b.png"');
  });
});
