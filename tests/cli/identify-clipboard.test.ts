import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { animeFrame } from '../fakes/whatanime-screenshot';
import { requireX11Tools, startXvfb, type XvfbServer } from '../support/xvfb';
import { expectOneLineError, runIn, useFakes, useHome } from './helpers';

describe('nekodesk identify --clipboard without a clipboard tool', () => {
  const { home } = useHome();
  const fakes = useFakes();

  it('names what to install, and sends nothing', async () => {
    const result = await runIn(home(), ['identify', '--clipboard'], {
      env: { ...fakes().env, DISPLAY: ':99', PATH: '/nonexistent' },
    });
    expectOneLineError(result, 1, /Reading the clipboard needs xclip on X11: install xclip/);
    expect(fakes().whatanime.requests).toHaveLength(0);
  });
});

const x11 = requireX11Tools(['Xvfb', 'xclip']);

/** Whether the clipboard offers `target` now (the forked owner takes the selection after xclip itself exits). */
function offers(display: string, target: string): boolean {
  try {
    const targets = execFileSync('xclip', ['-selection', 'clipboard', '-o', '-t', 'TARGETS'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2_000,
    });
    return targets.toString('utf8').split('\n').includes(target);
  } catch {
    return false;
  }
}

/**
 * Puts `data` on the X11 clipboard as `target` with the real xclip, which forks an owner that serves it until
 * another client takes the selection (or the X server goes); resolves once the owner answers.
 */
async function xclipIn(display: string, target: string, data: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-t', target, '-i'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`xclip -i exited with ${code ?? 'a signal'}`));
    });
    child.unref();
    child.stdin.end(data);
  });
  for (const deadline = Date.now() + 5_000; !offers(display, target);) {
    if (Date.now() > deadline) throw new Error(`the clipboard never offered ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!x11.available)('nekodesk identify --clipboard with the real xclip (Xvfb)', () => {
  const { home } = useHome();
  const fakes = useFakes();
  let xvfb: XvfbServer;
  beforeAll(async () => {
    xvfb = await startXvfb();
  });
  // Closing the server also ends the xclip owners the tests started.
  afterAll(() => xvfb.close());
  const env = () => ({ ...fakes().env, DISPLAY: xvfb.display, PATH: process.env.PATH ?? '' });

  it('identifies the PNG on the clipboard, cleaned before upload', async () => {
    const png = await animeFrame({ width: 1920, height: 1080, bars: { top: 138, bottom: 138 }, seed: 12 });
    await xclipIn(xvfb.display, 'image/png', png);
    const result = await runIn(home(), ['identify', '--clipboard'], { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /\nUploaded [\d.]+ KiB \(from [\d.]+ (?:KiB|MiB): 1280×536 JPEG, black bars cropped, metadata removed\)\.\n/,
    );
    expect(result.stdout.match(/^\d\. /gm)).toHaveLength(5);
    const sent = fakes().whatanime.lastUpload();
    expect(await sharp(sent?.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 536 });
  });

  it('says so when the clipboard holds text, not an image, and sends nothing', async () => {
    await xclipIn(xvfb.display, 'UTF8_STRING', Buffer.from('just words'));
    const result = await runIn(home(), ['identify', '--clipboard'], { env: env() });
    expectOneLineError(result, 2, /The clipboard holds no image\. Copy a screenshot/);
    expect(fakes().whatanime.requests).toHaveLength(0);
  });
});
