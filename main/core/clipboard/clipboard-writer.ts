import type { ClipboardPayload } from './clipboard-payload';

/**
 * Puts a payload on the system clipboard. The app implements it with Electron's clipboard; the CLI uses
 * `createSystemClipboard` (xclip, wl-copy, osascript/pbcopy, PowerShell).
 */
export interface ClipboardWriter {
  /** What it writes with, for messages ("xclip", "wl-copy", …). */
  readonly name: string;
  write(payload: ClipboardPayload): Promise<void>;
}
