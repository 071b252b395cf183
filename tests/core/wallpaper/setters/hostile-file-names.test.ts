/**
 * File names are data, on every desktop: whatever a path holds (spaces, quotes, `$()`, `;`, backticks),
 * each tool receives it as one argument — or, where the tool parses a language (GVariant, JavaScript,
 * sway commands), encoded so that it decodes back to exactly that path.
 */
import { describe, expect, it } from 'vitest';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import {
  commandsOnly,
  HOSTILE_DIR,
  HOSTILE_FILE,
  recordingRunner,
  singleMonitor,
  twoMonitors,
} from './fakes';
import { swayHandlerArgs } from './sway-command-parser';

/** Reads a GVariant text string ('…' or "…" with backslash escapes) back. */
function parseGVariantString(text: string): string {
  const quote = text[0];
  expect(quote === "'" || quote === '"').toBe(true);
  expect(text.at(-1)).toBe(quote);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  return text.slice(1, -1).replace(/\\(.)/gs, (_match, char: string) => escapes[char] ?? char);
}

function filePathOf(uri: string): string {
  expect(uri.startsWith('file:///')).toBe(true);
  return decodeURIComponent(new URL(uri).pathname);
}

function setterFor(env: Record<string, string>, tools: string[], stdout = '') {
  const runner = recordingRunner((_command, args) =>
    args.includes('-l') ? { stdout: '/backdrop/screen0/monitor0/workspace0/last-image\n' } : { stdout },
  );
  const wallpaper = createWallpaperSetter({
    platform: 'linux',
    env: { DISPLAY: ':0', ...env },
    run: runner.run,
    commandExists: commandsOnly(...tools),
  });
  return { wallpaper, runner };
}

describe('hostile file names', () => {
  it('GNOME: the GVariant value decodes to a file URI of exactly the path', async () => {
    const { wallpaper, runner } = setterFor({ XDG_CURRENT_DESKTOP: 'GNOME' }, ['gsettings']);
    await wallpaper.set(singleMonitor(HOSTILE_FILE));
    const uris = runner.calls
      .filter(({ args }) => args[2]?.startsWith('picture-uri'))
      .map(({ args }) => args[3]);
    expect(uris).toHaveLength(2);
    for (const value of uris) expect(filePathOf(parseGVariantString(value ?? ''))).toBe(HOSTILE_FILE);
  });

  it('MATE: the GVariant value decodes to exactly the path', async () => {
    const { wallpaper, runner } = setterFor({ XDG_CURRENT_DESKTOP: 'MATE' }, ['gsettings']);
    await wallpaper.set(singleMonitor(HOSTILE_FILE));
    expect(parseGVariantString(runner.calls[1]?.args[3] ?? '')).toBe(HOSTILE_FILE);
  });

  it.each([
    ['XFCE', { XDG_CURRENT_DESKTOP: 'XFCE' }, ['xfconf-query']],
    ['LXQt', { XDG_CURRENT_DESKTOP: 'LXQt' }, ['pcmanfm-qt']],
    ['LXDE', { XDG_CURRENT_DESKTOP: 'LXDE' }, ['pcmanfm']],
    ['feh', { XDG_CURRENT_DESKTOP: 'i3' }, ['feh']],
    ['nitrogen', { XDG_CURRENT_DESKTOP: 'i3' }, ['nitrogen']],
    ['Hyprland', { HYPRLAND_INSTANCE_SIGNATURE: 'x', WAYLAND_DISPLAY: 'w' }, ['hyprctl']],
  ])('%s: the path is one argument, unchanged', async (_name, env, tools) => {
    const { wallpaper, runner } = setterFor(env, tools, 'ok');
    await wallpaper.set(singleMonitor(HOSTILE_FILE));
    const carrying = runner.calls.flatMap(({ args }) => args.filter((arg) => arg.includes(HOSTILE_DIR)));
    expect(carrying.length).toBeGreaterThan(0);
    for (const arg of carrying) expect([HOSTILE_FILE, `,${HOSTILE_FILE}`]).toContain(arg);
  });

  it('nitrogen on several monitors: each head’s path is one argument', async () => {
    const { wallpaper, runner } = setterFor({ XDG_CURRENT_DESKTOP: 'i3' }, ['nitrogen']);
    await wallpaper.set(twoMonitors(HOSTILE_DIR));
    expect(runner.calls.map(({ args }) => args.at(-1))).toEqual([
      `${HOSTILE_DIR}/dp.png`,
      `${HOSTILE_DIR}/hdmi.png`,
    ]);
  });

  it('sway: the command sway parses hands the bg handler one argument, with no variable lookups', async () => {
    const { wallpaper, runner } = setterFor({ SWAYSOCK: '/tmp/s', WAYLAND_DISPLAY: 'w' }, ['swaymsg']);
    await wallpaper.set(singleMonitor(HOSTILE_FILE));
    const { argv, variableLookups } = swayHandlerArgs(runner.calls[0]?.args ?? []);
    expect(argv).toHaveLength(5);
    expect(variableLookups).toBe(0);
  });

  it('relative paths are made absolute, so no path can be read as an option', async () => {
    const { wallpaper, runner } = setterFor({ XDG_CURRENT_DESKTOP: 'i3' }, ['feh']);
    await wallpaper.set(singleMonitor('--version'));
    expect(runner.calls[0]?.args.at(-1)).toBe(`${process.cwd()}/--version`);
  });
});
