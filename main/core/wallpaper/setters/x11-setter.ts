/**
 * Other X11 window managers (i3, Openbox, bspwm, …): paint the root window with feh, or nitrogen when
 * feh is not installed. With several monitors feh is told to ignore Xinerama, so the span image covers
 * the whole root window exactly as it was composed.
 */
import { isMultiMonitor, orderedMonitorFiles, spanFile } from './composed-files';
import { runTool, setterError, type SetWallpaper, type SetterContext } from './setter-context';
import { TOOLS } from './tools';

export function x11Setter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const multi = isMultiMonitor(composed);
    if (ctx.commandExists(TOOLS.feh.command)) {
      const span = multi ? ['--no-xinerama'] : [];
      await runTool(ctx, TOOLS.feh, ['--no-fehbg', '--bg-fill', ...span, spanFile(composed)]);
      return;
    }
    if (ctx.commandExists(TOOLS.nitrogen.command)) {
      if (!multi) {
        await runTool(ctx, TOOLS.nitrogen, ['--set-zoom-fill', spanFile(composed)]);
        return;
      }
      // Xinerama heads: the primary first, then left to right (the usual RandR order).
      const heads = orderedMonitorFiles(composed);
      for (const [head, { file }] of heads.entries()) {
        await runTool(ctx, TOOLS.nitrogen, [`--head=${head}`, '--set-zoom-fill', file]);
      }
      return;
    }
    throw setterError(ctx, 'neither feh nor nitrogen was found. Install feh (or nitrogen).');
  };
}
