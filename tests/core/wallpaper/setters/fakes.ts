/** Test doubles for the setters: a runner that records every call, and compositions to set. */
import type { ComposedWallpaper, Monitor } from '../../../../main/core/wallpaper/types';
import {
  CommandError,
  type CommandRunner,
  type Environment,
  type RunResult,
} from '../../../../main/core/wallpaper/setters/command-runner';
import type { CommandExists } from '../../../../main/core/wallpaper/setters/command-exists';

export interface RecordedCall {
  command: string;
  args: string[];
  env: Environment | undefined;
}

/** Answers a call: a result (or part of one), or a thrown CommandError for a failing tool. */
export type Responder = (command: string, args: readonly string[]) => Partial<RunResult> | undefined;

export interface RecordingRunner {
  run: CommandRunner;
  calls: RecordedCall[];
  /** Each call as one line: `command arg arg…` (arguments JSON-quoted when they hold spaces or quotes). */
  lines(): string[];
}

export function recordingRunner(respond: Responder = () => undefined): RecordingRunner {
  const calls: RecordedCall[] = [];
  return {
    calls,
    run: (command, args, options) => {
      calls.push({ command, args: [...args], env: options?.env });
      try {
        const answer = respond(command, args) ?? {};
        return Promise.resolve({ stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    lines: () => calls.map(({ command, args }) => [command, ...args].join(' ')),
  };
}

/** A tool that exits with `code`, saying `stderr`. */
export function failing(command: string, code: number, stderr: string): CommandError {
  return new CommandError(command, 'exit', { exitCode: code, stderr });
}

export function notFound(command: string): CommandError {
  return new CommandError(command, 'not-found');
}

/** Every command exists, except `missing`. */
export function commandsExcept(...missing: string[]): CommandExists {
  return (command) => !missing.includes(command);
}

export function commandsOnly(...present: string[]): CommandExists {
  return (command) => present.includes(command);
}

export const LEFT: Monitor = { id: 'DP-1', x: 0, y: 0, width: 2560, height: 1440, primary: true };
export const RIGHT: Monitor = { id: 'HDMI-1', x: 2560, y: 0, width: 1920, height: 1080 };

/** One monitor: its image is also the span image. */
export function singleMonitor(file = '/cache/wall/span.png'): ComposedWallpaper {
  return {
    spanFile: file,
    width: 1920,
    height: 1080,
    perMonitor: [{ monitor: { id: 'eDP-1', x: 0, y: 0, width: 1920, height: 1080, primary: true }, file }],
  };
}

/** Two monitors side by side: a 4480x1440 span image and one image per monitor. */
export function twoMonitors(dir = '/cache/wall'): ComposedWallpaper {
  return {
    spanFile: `${dir}/span.png`,
    width: 4480,
    height: 1440,
    perMonitor: [
      { monitor: RIGHT, file: `${dir}/hdmi.png` },
      { monitor: LEFT, file: `${dir}/dp.png` },
    ],
  };
}

/** A file name no tool should ever read as code: spaces, both quotes, `$()`, backticks, `;`, `&`, `*`. */
export const HOSTILE_DIR = `/tmp/it's a "test" $(touch pwned); rm -rf ~ & echo \`id\`*`;
export const HOSTILE_FILE = `${HOSTILE_DIR}/wall $(reboot); 'x'.png`;
