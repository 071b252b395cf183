/**
 * LXQt and LXDE draw the desktop with their file managers, which take the wallpaper on the command line
 * (and hand it to the running instance). Each draws one window over the whole virtual desktop.
 */
import { isMultiMonitor, spanFile } from './composed-files';
import { runTool, type SetWallpaper, type SetterContext } from './setter-context';
import { TOOLS } from './tools';

/** pcmanfm-qt: `stretch` scales the span image over the whole virtual desktop; `zoom` fills one screen. */
export function lxqtSetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const mode = isMultiMonitor(composed) ? 'stretch' : 'zoom';
    await runTool(ctx, TOOLS.pcmanfmQt, ['--set-wallpaper', spanFile(composed), '--wallpaper-mode', mode]);
  };
}

/** pcmanfm (GTK): `screen` stretches across all monitors; `crop` fills one, keeping proportions. */
export function lxdeSetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const mode = isMultiMonitor(composed) ? 'screen' : 'crop';
    await runTool(ctx, TOOLS.pcmanfm, ['--set-wallpaper', spanFile(composed), '--wallpaper-mode', mode]);
  };
}
