/**
 * The GNOME setter against the real gsettings (keyfile backend in a temporary folder, so the person's
 * settings are never touched): the value it writes, read back, is the URI of exactly the file — hostile
 * name included. Skipped where gsettings or GNOME's schemas are not installed (not needed on CI).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createCommandExists } from '../../../../main/core/wallpaper/setters/command-exists';
import { createCommandRunner } from '../../../../main/core/wallpaper/setters/command-runner';
import { createWallpaperSetter } from '../../../../main/core/wallpaper/setters/create-wallpaper-setter';
import { useTempDir } from '../../../support/temp-dir';
import { HOSTILE_FILE, twoMonitors, singleMonitor } from './fakes';

function hasGnomeSchema(): boolean {
  try {
    return execFileSync('gsettings', ['list-schemas'], { encoding: 'utf8' }).includes(
      'org.gnome.desktop.background',
    );
  } catch {
    return false;
  }
}

const available = hasGnomeSchema();
if (!available)
  console.warn('Skipping the real gsettings test: gsettings or gsettings-desktop-schemas is not installed.');

describe.runIf(available)('GNOME setter with the real gsettings', () => {
  const tempDir = useTempDir('nekodesk-gsettings-');

  function gnome() {
    const env = {
      ...process.env,
      GSETTINGS_BACKEND: 'keyfile',
      XDG_CONFIG_HOME: tempDir(),
      XDG_CURRENT_DESKTOP: 'GNOME',
    };
    const wallpaper = createWallpaperSetter({
      platform: 'linux',
      env,
      run: createCommandRunner(),
      commandExists: createCommandExists(env),
    });
    const get = (key: string): string =>
      execFileSync('gsettings', ['get', 'org.gnome.desktop.background', key], {
        env,
        encoding: 'utf8',
      }).trim();
    return { wallpaper, get };
  }

  /** gsettings prints a string as GVariant text: '…' or "…" with backslash escapes. */
  function unquote(text: string): string {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }

  it('writes picture-uri, picture-uri-dark and picture-options that read back exactly', async () => {
    const { wallpaper, get } = gnome();
    await wallpaper.set(singleMonitor(HOSTILE_FILE));
    for (const key of ['picture-uri', 'picture-uri-dark']) {
      const uri = unquote(get(key));
      expect(decodeURIComponent(new URL(uri).pathname)).toBe(HOSTILE_FILE);
    }
    expect(get('picture-options')).toBe("'zoom'");
    await wallpaper.set(twoMonitors());
    expect(get('picture-options')).toBe("'spanned'");
    expect(unquote(get('picture-uri'))).toBe('file:///cache/wall/span.png');
  });
});
