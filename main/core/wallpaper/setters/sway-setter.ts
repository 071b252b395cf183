/**
 * sway: `swaymsg output * bg FILE fill`. sway cannot span one image over several outputs, so with more
 * than one monitor each output gets its own monitor's image (`output DP-1 bg …`).
 */
import type { ComposedWallpaper } from '../types';
import { isMultiMonitor, primaryMonitorFile, spanFile } from './composed-files';
import { parseSwayOutputs } from './compositor-outputs';
import { matchOutputs } from './output-matching';
import { runTool, setterError, type SetWallpaper, type SetterContext } from './setter-context';
import { swayPathArgument } from './sway-quoting';
import { TOOLS } from './tools';

export function swaySetter(ctx: SetterContext): SetWallpaper {
  return async (composed) => {
    for (const { output, file } of await swayAssignments(ctx, composed)) {
      await runTool(ctx, TOOLS.swaymsg, ['output', output, 'bg', swayPathArgument(file), 'fill']);
    }
  };
}

async function swayAssignments(
  ctx: SetterContext,
  composed: ComposedWallpaper,
): Promise<{ output: string; file: string }[]> {
  if (!isMultiMonitor(composed)) return [{ output: '*', file: spanFile(composed) }];
  const { stdout } = await runTool(ctx, TOOLS.swaymsg, ['-t', 'get_outputs', '-r']);
  const outputs = parseSwayOutputs(stdout);
  if (!outputs)
    throw setterError(ctx, 'swaymsg -t get_outputs answered something that is not a list of outputs.');
  // Outputs we cannot pair with our monitors each get a whole picture rather than a slice of one.
  return matchOutputs(composed, outputs) ?? [{ output: '*', file: primaryMonitorFile(composed) }];
}
