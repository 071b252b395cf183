/**
 * The app's two global hotkeys: the picker's (`settings.picker.hotkey`) and identifying the clipboard's
 * image (`settings.identify.hotkey`, off by default). Applied together on every settings change, so that
 * - keys one hotkey gives up are free for the other in the same change (both are released, then set);
 * - the same keys for both never reach Electron twice: the one already holding them keeps them (the
 *   picker when neither did) and the other is `taken`, saying which of ours has them;
 * and reported together for `app:hotkeys`, with what a Wayland person binds instead.
 */
import type { GlobalShortcut } from 'electron';
import type { HotkeyStatuses, Notice } from '../../preload/contract';
import { IDENTIFY_CLIPBOARD_FLAG, PICKER_FLAG } from './argv-router';
import {
  createGlobalHotkey,
  isWaylandSession,
  sameKeys,
  SUGGESTED_HOTKEYS,
  type GlobalHotkey,
} from './global-hotkey';
import { appLaunchCommand, type LaunchCommandDeps } from './launch-command';
import type { ShellLog } from './logger';

export interface AppHotkeysDeps extends LaunchCommandDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  platform: NodeJS.Platform;
  onPicker(): void;
  onIdentify(): void;
  notify(notice: Notice): void;
  log: ShellLog;
}

export interface HotkeySettings {
  picker: string | null;
  identify: string | null;
}

export interface AppHotkeys {
  apply(settings: HotkeySettings): void;
  statuses(): HotkeyStatuses;
  /** Releases both (at quit). */
  dispose(): void;
}

/** What the README documents for a desktop shortcut to the picker (the CLI asks the app to show it). */
export const PICKER_CLI_COMMAND = 'nekodesk picker';
const OPENS_PICKER = 'opens the picker';
const IDENTIFIES_CLIPBOARD = 'identifies the clipboard image';

export function createAppHotkeys(deps: AppHotkeysDeps): AppHotkeys {
  const pickerLaunch = appLaunchCommand(PICKER_FLAG, deps);
  const identifyLaunch = appLaunchCommand(IDENTIFY_CLIPBOARD_FLAG, deps);
  let wanted: HotkeySettings = { picker: null, identify: null };
  const common = {
    globalShortcut: deps.globalShortcut,
    platform: deps.platform,
    env: deps.env,
    notify: (notice: Notice) => {
      deps.notify(notice);
    },
    log: deps.log,
  };
  const picker = createGlobalHotkey({
    ...common,
    purpose: {
      name: 'picker',
      does: 'open the picker',
      desktopCommands: [PICKER_CLI_COMMAND, ...(pickerLaunch === null ? [] : [pickerLaunch])],
    },
    onPress: () => {
      deps.onPicker();
    },
    inUse: () => [wanted.identify],
  });
  const identify = createGlobalHotkey({
    ...common,
    purpose: {
      name: 'identify',
      does: 'identify the clipboard image',
      // Without a packaged app, the command line identifies the clipboard itself (printing the result).
      desktopCommands: [identifyLaunch ?? 'nekodesk identify --clipboard'],
    },
    onPress: () => {
      deps.onIdentify();
    },
    inUse: () => [wanted.picker],
  });

  return {
    apply(settings) {
      wanted = { ...settings };
      const clash =
        settings.picker !== null &&
        settings.identify !== null &&
        sameKeys(settings.picker, settings.identify, deps.platform);
      const identifyHolds =
        clash &&
        identify.status().state === 'registered' &&
        identify.status().accelerator === settings.identify;
      const plan: [GlobalHotkey, string | null, string | undefined][] = [
        [picker, settings.picker, clash && identifyHolds ? IDENTIFIES_CLIPBOARD : undefined],
        [identify, settings.identify, clash && !identifyHolds ? OPENS_PICKER : undefined],
      ];
      const changing = plan.filter(([hotkey, accelerator, heldBy]) => !hotkey.isApplied(accelerator, heldBy));
      // Release every changing hotkey before setting any: one may want the keys the other gives up.
      for (const [hotkey] of changing) hotkey.apply(null);
      for (const [hotkey, accelerator, heldBy] of changing) hotkey.apply(accelerator, heldBy);
    },
    statuses: () => ({
      picker: picker.status(),
      identify: identify.status(),
      suggestions: [...SUGGESTED_HOTKEYS],
      wayland: isWaylandSession(deps.platform, deps.env),
      pickerCommand: pickerLaunch ?? PICKER_CLI_COMMAND,
    }),
    dispose() {
      picker.dispose();
      identify.dispose();
    },
  };
}
