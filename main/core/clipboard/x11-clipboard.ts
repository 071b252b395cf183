/**
 * X11: our own CLIPBOARD owner, in a background process (x11-selection-*.ts), built on the `x11` protocol
 * client. xclip serves ONE target per process, so a GIF could be offered only as `text/uri-list`; this
 * owner offers every form at once: `text/uri-list` and `x-special/gnome-copied-files` for the file, its
 * bytes as `image/gif` (the type told by its first bytes), or `image/png` for mode `image`, and the text
 * fallback under every text target. Nothing needs installing.
 */
import type { ClipboardPayload } from './clipboard-payload';
import { guarded, type ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { uriList } from './file-list';
import { NekodeskError } from '../errors';

export function x11Clipboard(tools: Pick<ClipboardTools, 'serveSelection' | 'env'>): ClipboardWriter {
  return {
    name: 'X11 clipboard owner',
    write: (payload) =>
      guarded('the X11 clipboard owner', async () => {
        const display = tools.env.DISPLAY;
        if (!display)
          throw new NekodeskError('internal', 'DISPLAY is not set: there is no X11 clipboard to copy to.');
        await tools.serveSelection({ display, payload }, tools.env);
      }),
  };
}

export interface Selection {
  /** The X target (or MIME type) offered. */
  target: string;
  data: string | Uint8Array;
}

/**
 * The one target a single-target tool offers for `payload` (wl-copy serves one MIME type per process).
 * Kept here, where it began, for wayland-clipboard.ts.
 */
export function singleTarget(payload: ClipboardPayload, textTarget: string): Selection {
  if (payload.files.length > 0) return { target: 'text/uri-list', data: uriList(payload.files) };
  if (payload.imagePng !== undefined) return { target: 'image/png', data: payload.imagePng };
  return { target: textTarget, data: payload.text };
}
