/**
 * X11: xclip. One xclip process owns the CLIPBOARD selection and serves exactly ONE target (plus TARGETS)
 * until another application takes the selection, so each payload is offered as its most useful target:
 * files as `text/uri-list` (file managers, browsers and Electron chat apps read it), an image as
 * `image/png`, text as `UTF8_STRING`. Not offered on X11 (the app's Electron writer can):
 * `x-special/gnome-copied-files`, the GIF bytes as `image/gif`, and the text fallback beside a file.
 */
import type { ClipboardPayload } from './clipboard-payload';
import { guarded, type ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { uriList } from './file-list';

export interface Selection {
  /** The X target (or MIME type) offered. */
  target: string;
  data: string | Uint8Array;
}

/** The one target a single-target tool offers for `payload`. */
export function singleTarget(payload: ClipboardPayload, textTarget: string): Selection {
  if (payload.files.length > 0) return { target: 'text/uri-list', data: uriList(payload.files) };
  if (payload.imagePng !== undefined) return { target: 'image/png', data: payload.imagePng };
  return { target: textTarget, data: payload.text };
}

export function x11Clipboard(tools: Pick<ClipboardTools, 'pipe' | 'env'>): ClipboardWriter {
  return {
    name: 'xclip',
    write: (payload) =>
      guarded('xclip', async () => {
        const { target, data } = singleTarget(payload, 'UTF8_STRING');
        // xclip reads stdin, forks a server that owns the selection, and exits.
        await tools.pipe('xclip', ['-selection', 'clipboard', '-t', target, '-i'], data, {
          env: tools.env,
          background: true,
        });
      }),
  };
}
