import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { expectOneLineError, runIn, useFakes, useHome } from './helpers';

describe('nekodesk (general)', () => {
  const { home } = useHome();
  const fakes = useFakes();
  const run = (...argv: string[]) => runIn(home(), argv, { env: fakes().env });

  it('prints its version', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help with examples on stdout, also when called alone', async () => {
    for (const argv of [['--help'], []]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: nekodesk \[options\] \[command\]/);
      expect(result.stdout).toMatch(/Examples:\n {2}nekodesk nekos categories\n/);
      expect(result.stdout).toMatch(/NEKODESK_WHATANIME_API_KEY/);
    }
    const sub = await run('nekos', 'search', '--help');
    expect(sub.stdout).toMatch(/Usage: nekodesk nekos search \[options\] <query\.\.\.>/);
    expect(sub.stdout).toMatch(
      /--type <type>\s+images or GIFs \(choices: "image", "gif", default:\s+"image"\)/,
    );
  });

  it('answers unknown commands and options with one line and exit code 2', async () => {
    expectOneLineError(
      await run('nekoz'),
      2,
      /^nekodesk: unknown command 'nekoz' \(Did you mean nekos\?\)\n$/,
    );
    expectOneLineError(await run('nekos'), 2, /"nekodesk nekos" needs a command/);
    expectOneLineError(
      await run('nekosia', 'imgs'),
      2,
      /unknown command "imgs" for "nekodesk nekosia" \(did you mean "image/,
    );
    expectOneLineError(await run('nekos', 'categories', '--colour'), 2, /unknown option '--colour'/);
    expectOneLineError(await run('nekos', 'image'), 2, /missing required argument 'category'/);
  });

  it('refuses an invalid service URL override, naming the variable', async () => {
    const result = await runIn(home(), ['nekos', 'categories'], {
      env: { ...fakes().env, NEKODESK_NEKOS_BEST_URL: 'not a url' },
    });
    expectOneLineError(result, 2, /^nekodesk: NEKODESK_NEKOS_BEST_URL must be an http\(s\) URL/);
  });

  it('says which service cannot be reached', async () => {
    const closed = 'http://127.0.0.1:9/api/v2';
    const result = await runIn(home(), ['nekos', 'categories'], {
      env: { ...fakes().env, NEKODESK_NEKOS_BEST_URL: closed },
    });
    expectOneLineError(result, 1, /^nekodesk: Could not reach 127\.0\.0\.1:9/);
  });

  it('repairs a corrupt settings file and says so, without failing the command', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${home()}/settings.json`, '{ not json');
    const result = await run('nekos', 'categories');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^nekodesk: Your settings file could not be read/);
  });
});
