import { describe, expect, it } from 'vitest';
import { isNekodeskError } from '../../../../main/core/errors';
import { tokenizeCommandLine } from '../../../../main/core/wallpaper/setters/command-line-tokenizer';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { customCommandArgv } from '../../../../main/core/wallpaper/setters/custom-command-setter';
import {
  commandsOnly,
  failing,
  HOSTILE_FILE,
  notFound,
  recordingRunner,
  singleMonitor,
  type Responder,
} from './fakes';

describe('tokenizeCommandLine', () => {
  it.each([
    ['swaybg -m fill -i {file}', ['swaybg', '-m', 'fill', '-i', '{file}']],
    ['  spaced\t out \n ', ['spaced', 'out']],
    [`my-tool 'single quoted' "double quoted"`, ['my-tool', 'single quoted', 'double quoted']],
    [`a'b'"c"d`, ['abcd']],
    [`'it'\\''s'`, [`it's`]],
    [`"say \\"hi\\" \\\\ \\$HOME \\n"`, ['say "hi" \\ $HOME \\n']],
    [`'no \\escapes $here'`, ['no \\escapes $here']],
    [`back\\ slash\\"`, ['back slash"']],
    [`empty '' ""`, ['empty', '', '']],
    [`set $(rm -rf ~); echo | cat > x`, ['set', '$(rm', '-rf', '~);', 'echo', '|', 'cat', '>', 'x']],
    ['', []],
  ])('%j → %j', (line, expected) => {
    expect(tokenizeCommandLine(line)).toEqual(expected);
  });

  it.each([
    [`tool 'open`, 'The custom wallpaper command has an unterminated single quote.'],
    [`tool "open`, 'The custom wallpaper command has an unterminated double quote.'],
    ['tool \\', 'The custom wallpaper command ends with a lone backslash.'],
  ])('rejects %j as invalid input', (line, message) => {
    let caught: unknown;
    try {
      tokenizeCommandLine(line);
    } catch (error) {
      caught = error;
    }
    expect(isNekodeskError(caught) && caught.code).toBe('invalid_input');
    expect((caught as Error).message).toBe(message);
  });
});

describe('customCommandArgv', () => {
  it('puts the file in as one argument, even inside a longer one', () => {
    expect(customCommandArgv('setbg --image={file} --also "{file}"', singleMonitor('/w/a b.png'))).toEqual([
      'setbg',
      '--image=/w/a b.png',
      '--also',
      '/w/a b.png',
    ]);
  });

  it('adds the file as the last argument when there is no {file}', () => {
    expect(customCommandArgv('swww img', singleMonitor('/w/one.png'))).toEqual(['swww', 'img', '/w/one.png']);
  });

  it('never re-splits or interprets what a file name holds', () => {
    expect(customCommandArgv('viewer {file}', singleMonitor(HOSTILE_FILE))).toEqual(['viewer', HOSTILE_FILE]);
  });

  it('rejects an empty command', () => {
    expect(() => customCommandArgv("'' {file}", singleMonitor())).toThrow(
      'The custom wallpaper command names no program.',
    );
    expect(() => customCommandArgv('   ', singleMonitor())).toThrow('The custom wallpaper command is empty.');
  });
});

describe('the custom command setter', () => {
  function custom(command: string, respond?: Responder) {
    const runner = recordingRunner(respond);
    const env = { XDG_CURRENT_DESKTOP: 'GNOME', DISPLAY: ':0' };
    const wallpaper = createWallpaperSetter({
      platform: 'linux',
      env,
      run: runner.run,
      commandExists: commandsOnly('gsettings'),
      customCommand: command,
    });
    return { wallpaper, runner, env };
  }

  it('runs instead of the desktop’s own way, in the session environment', async () => {
    const { wallpaper, runner, env } = custom('swaybg -m fill -i {file}');
    expect([wallpaper.desktop, wallpaper.name]).toEqual(['gnome', 'custom command']);
    await wallpaper.set(singleMonitor('/w/one.png'));
    expect(runner.calls).toEqual([{ command: 'swaybg', args: ['-m', 'fill', '-i', '/w/one.png'], env }]);
  });

  it('is ignored when blank', () => {
    expect(custom('   ').wallpaper.name).toBe('GNOME');
  });

  it('reports its failure with its stderr', async () => {
    const { wallpaper } = custom('setter {file}', () => {
      throw failing('setter', 3, '\nsetter: cannot open display\n');
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the GNOME wallpaper with your custom command: setter failed: setter: cannot open display',
    );
  });

  it('says the program was not found', async () => {
    const { wallpaper } = custom('nosuchtool {file}', (command) => {
      throw notFound(command);
    });
    await expect(wallpaper.set(singleMonitor())).rejects.toThrow(
      'Could not set the GNOME wallpaper with your custom command: nosuchtool was not found. ' +
        'Install nosuchtool, or change the custom command in the wallpaper settings.',
    );
  });

  it('reports a malformed command when setting, as invalid input', async () => {
    const { wallpaper } = custom(`tool "{file}`);
    const error: unknown = await wallpaper.set(singleMonitor()).catch((caught: unknown) => caught);
    expect(isNekodeskError(error) && error.code).toBe('invalid_input');
  });
});
