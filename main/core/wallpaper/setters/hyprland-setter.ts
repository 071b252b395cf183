/**
 * Hyprland, through hyprpaper's IPC: preload the images, show them (`,FILE` for every monitor, or
 * `NAME,FILE` per monitor), then unload the ones no longer shown so memory does not grow each rotation.
 */
import type { ComposedWallpaper } from '../types';
import { CommandError, firstNonEmptyLine } from './command-runner';
import { isMultiMonitor, primaryMonitorFile, spanFile } from './composed-files';
import { parseHyprlandMonitors } from './compositor-outputs';
import { matchOutputs } from './output-matching';
import { runTool, setterError, toolFailure, type SetWallpaper, type SetterContext } from './setter-context';
import { TOOLS } from './tools';

export function hyprlandSetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    const assignments = await hyprlandAssignments(ctx, composed);
    for (const file of new Set(assignments.map(({ file }) => file))) {
      assertHyprpaperPath(ctx, file);
      await hyprpaper(ctx, ['preload', file]);
    }
    for (const { output, file } of assignments) await hyprpaper(ctx, ['wallpaper', `${output},${file}`]);
    await hyprpaper(ctx, ['unload', 'unused']);
  };
}

async function hyprlandAssignments(
  ctx: SetterContext,
  composed: ComposedWallpaper,
): Promise<{ output: string; file: string }[]> {
  if (!isMultiMonitor(composed)) return [{ output: '', file: spanFile(composed) }];
  const { stdout } = await runTool(ctx, TOOLS.hyprctl, ['monitors', '-j']);
  const monitors = parseHyprlandMonitors(stdout);
  if (!monitors)
    throw setterError(ctx, 'hyprctl monitors -j answered something that is not a list of monitors.');
  return matchOutputs(composed, monitors) ?? [{ output: '', file: primaryMonitorFile(composed) }];
}

/** hyprctl exits 0 even when hyprpaper refuses; hyprpaper answers "ok" on success and its error otherwise. */
async function hyprpaper(ctx: SetterContext, args: readonly string[]): Promise<void> {
  const { stdout } = await runTool(ctx, TOOLS.hyprctl, ['hyprpaper', ...args]);
  const answer = firstNonEmptyLine(stdout);
  if (answer && answer.toLowerCase() !== 'ok') {
    throw toolFailure(
      ctx,
      TOOLS.hyprctl,
      new CommandError(TOOLS.hyprctl.command, 'exit', { stdout, exitCode: 0 }),
    );
  }
}

/** hyprpaper reads the request as a config line: `#` starts a comment and a line break ends it. */
function assertHyprpaperPath(ctx: SetterContext, file: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[#\u0000-\u001f\u007f]/.test(file)) {
    throw setterError(
      ctx,
      `hyprpaper cannot load a file whose path contains "#" or a control character: ${file}`,
    );
  }
}
