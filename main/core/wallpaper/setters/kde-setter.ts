/**
 * KDE Plasma: a script for the running Plasma shell over D-Bus, with qdbus (any of its names) or, when
 * no qdbus is installed, gdbus.
 */
import { gvariantString } from './gvariant-text';
import { plasmaWallpaperScript } from './kde-script';
import { runTool, setterError, type SetWallpaper, type SetterContext } from './setter-context';
import { QDBUS_COMMANDS, qdbusTool, TOOLS } from './tools';

const SERVICE = 'org.kde.plasmashell';
const OBJECT = '/PlasmaShell';
const METHOD = 'org.kde.PlasmaShell.evaluateScript';

export function kdeSetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const script = plasmaWallpaperScript(composed);
    const qdbus = QDBUS_COMMANDS.find((command) => ctx.commandExists(command));
    if (qdbus) {
      await runTool(ctx, qdbusTool(qdbus), [SERVICE, OBJECT, METHOD, script]);
      return;
    }
    if (ctx.commandExists(TOOLS.gdbus.command)) {
      await runTool(ctx, TOOLS.gdbus, [
        'call',
        '--session',
        '--dest',
        SERVICE,
        '--object-path',
        OBJECT,
        '--method',
        METHOD,
        gvariantString(script),
      ]);
      return;
    }
    throw setterError(
      ctx,
      `neither qdbus nor gdbus was found. Install ${qdbusTool('qdbus').install}, or ${TOOLS.gdbus.install}.`,
    );
  };
}
