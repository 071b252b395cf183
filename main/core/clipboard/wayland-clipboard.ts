/** Wayland: wl-copy (wl-clipboard), which, like xclip, serves one MIME type per process in the background. */
import { guarded, type ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { singleTarget } from './x11-clipboard';

export function waylandClipboard(tools: Pick<ClipboardTools, 'pipe' | 'env'>): ClipboardWriter {
  return {
    name: 'wl-copy',
    write: (payload) =>
      guarded('wl-copy', async () => {
        const { target, data } = singleTarget(payload, 'text/plain;charset=utf-8');
        // Data on stdin, never as arguments; wl-copy forks and serves until another client copies.
        await tools.pipe('wl-copy', ['--type', target], data, { env: tools.env, background: true });
      }),
  };
}
