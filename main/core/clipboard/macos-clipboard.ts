/**
 * macOS: a file through AppleScript (`set the clipboard to POSIX file …`: Finder, Messages and chat apps
 * paste the file, so a GIF stays animated), an image as PNG data through AppleScript, text through pbcopy.
 * Paths reach the script as `argv` (`on run argv`), never inside the script text. A file is put on the
 * clipboard alone (AppleScript cannot add the text fallback beside it).
 */
import { guarded, type ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { withTempPng } from './temp-png';

export const OSASCRIPT_SET_FILE = [
  'on run argv',
  'set the clipboard to (POSIX file (item 1 of argv))',
  'end run',
];
export const OSASCRIPT_SET_PNG = [
  'on run argv',
  'set the clipboard to (read (POSIX file (item 1 of argv)) as «class PNGf»)',
  'end run',
];

function osascriptArgs(lines: readonly string[], argument: string): string[] {
  return [...lines.flatMap((line) => ['-e', line]), argument];
}

export function macosClipboard(tools: ClipboardTools): ClipboardWriter {
  const env = tools.env;
  return {
    name: 'osascript',
    write: (payload) =>
      guarded(payload.files.length > 0 || payload.imagePng ? 'osascript' : 'pbcopy', async () => {
        const [file] = payload.files;
        if (file !== undefined) {
          await tools.run('osascript', osascriptArgs(OSASCRIPT_SET_FILE, file), { env });
          return;
        }
        if (payload.imagePng !== undefined) {
          await withTempPng(tools.tempDir, payload.imagePng, (png) =>
            tools.run('osascript', osascriptArgs(OSASCRIPT_SET_PNG, png), { env }),
          );
          return;
        }
        // pbcopy reads its input in the locale's encoding: UTF-8, whatever the user's locale says.
        await tools.pipe('pbcopy', [], payload.text, { env: { ...env, LC_CTYPE: 'UTF-8' } });
      }),
  };
}
