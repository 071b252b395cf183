/**
 * The background clipboard owner's work (run by x11-selection-main.ts in its own process): read the
 * request from stdin, load the targets, own the clipboard, say so on stdout, then serve until the
 * owner ends (see x11-selection-owner.ts). The status line is the only thing written: the CLI waits
 * for it and then lets go of both pipes.
 */
import { text } from 'node:stream/consumers';
import type { Readable, Writable } from 'node:stream';
import { decodeRequest, encodeStatus, failureStatus, type SelectionStatus } from './x11-selection-messages';
import { ownSelection, type OwnerEnd } from './x11-selection-owner';
import { loadSelectionTargets } from './x11-selection-targets';

/** Serves one request; resolves with how it ended, or null when it never owned the clipboard. */
export async function serveSelectionRequest(input: Readable, output: Writable): Promise<OwnerEnd | null> {
  let owner;
  try {
    const request = decodeRequest(await text(input));
    const targets = await loadSelectionTargets(request.payload);
    owner = await ownSelection({ display: request.display, targets });
  } catch (error) {
    await report(output, failureStatus(error));
    return null;
  }
  await report(output, { ok: true });
  return owner.finished;
}

/** Writes the status and waits until it is out: the parent may close the pipe right after reading it. */
function report(output: Writable, status: SelectionStatus): Promise<void> {
  // Once the parent has gone, writes fail with EPIPE: nothing is listening any more, so that is fine.
  output.on('error', () => undefined);
  return new Promise((resolve) => {
    output.write(encodeStatus(status), () => {
      resolve();
    });
  });
}
