/**
 * XFCE keeps one wallpaper per screen, monitor and workspace in the xfce4-desktop channel
 * (`/backdrop/screen0/monitorHDMI-1/workspace0/last-image`, older releases without the workspace level).
 * Setting only one of them leaves the others unchanged, so every key found is set.
 */
import { CommandError } from './command-runner';
import { isMultiMonitor, spanFile } from './composed-files';
import { runTool, setterError, toolFailure, type SetWallpaper, type SetterContext } from './setter-context';
import { TOOLS } from './tools';

const CHANNEL = ['-c', 'xfce4-desktop'] as const;
const IMAGE_KEY = /^\/backdrop\/screen\d+\/monitor[^/]+\/(workspace\d+\/)?last-image$/;

/** xfdesktop's image-style values. */
export const XFCE_IMAGE_STYLE = { zoomed: 5, spanning: 6 } as const;

export function xfceSetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const properties = await listProperties(ctx);
    const imageKeys = properties.filter((property) => IMAGE_KEY.test(property));
    if (imageKeys.length === 0) {
      throw setterError(
        ctx,
        'xfconf-query lists no /backdrop/…/last-image property yet. Open Desktop settings once so that ' +
          'xfdesktop creates them, then try again.',
      );
    }
    const file = spanFile(composed);
    const style = String(isMultiMonitor(composed) ? XFCE_IMAGE_STYLE.spanning : XFCE_IMAGE_STYLE.zoomed);
    const known = new Set(properties);
    for (const imageKey of imageKeys) {
      const styleKey = imageKey.replace(/last-image$/, 'image-style');
      const create = known.has(styleKey) ? [] : ['-n', '-t', 'int'];
      await runTool(ctx, TOOLS.xfconfQuery, [...CHANNEL, '-p', styleKey, ...create, '-s', style]);
      await runTool(ctx, TOOLS.xfconfQuery, [...CHANNEL, '-p', imageKey, '-s', file]);
    }
  };
}

async function listProperties(ctx: SetterContext): Promise<string[]> {
  try {
    const { stdout } = await ctx.run(TOOLS.xfconfQuery.command, [...CHANNEL, '-l'], { env: ctx.env });
    return stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  } catch (error) {
    // An empty channel is an answer (no keys yet), not a failure of the tool.
    if (error instanceof CommandError && /contains no properties/i.test(error.stderr)) return [];
    throw toolFailure(ctx, TOOLS.xfconfQuery, error);
  }
}
