import { NekodeskError } from '../../errors';
import type { monitorSchema } from '../../settings/settings-schema';
import type { Monitor } from '../types';
import type { z } from 'zod';
import { parseXrandr } from './parse-xrandr';

/** Runs a program without a shell and resolves with what it printed; rejects when it cannot run or fails. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<{ stdout: string }>;

export interface DetectMonitorsOptions {
  /** How to run `xrandr`; absent where there is none to run. */
  run?: CommandRunner;
  /** `wallpaper.monitors` from settings: when set, it wins over detection. */
  settingsMonitors?: readonly z.output<typeof monitorSchema>[] | null;
}

const WHAT_TO_DO =
  'Set wallpaper.monitors in settings to your layout, for example ' +
  '[{"id":"main","x":0,"y":0,"width":1920,"height":1080}].';

/** The monitor layout: the settings override if there is one, else what `xrandr --query` reports. */
export async function detectMonitors(options: DetectMonitorsOptions): Promise<Monitor[]> {
  const { run, settingsMonitors } = options;
  if (settingsMonitors && settingsMonitors.length > 0) {
    return settingsMonitors.map(({ id, x, y, width, height }) => ({ id, x, y, width, height }));
  }
  if (!run) {
    throw new NekodeskError('not_found', `Nekodesk cannot detect your monitors here. ${WHAT_TO_DO}`);
  }
  let stdout: string;
  try {
    ({ stdout } = await run('xrandr', ['--query']));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NekodeskError(
      'not_found',
      `Nekodesk could not detect your monitors: xrandr failed (${reason}). ${WHAT_TO_DO}`,
      { cause: error },
    );
  }
  const monitors = parseXrandr(stdout);
  if (monitors.length === 0) {
    throw new NekodeskError(
      'not_found',
      `Nekodesk could not detect your monitors: xrandr listed no active monitor. ${WHAT_TO_DO}`,
    );
  }
  return monitors;
}
