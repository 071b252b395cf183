/**
 * Registers one `ipcMain.handle` per call of the contract. A call is answered only when it comes from
 * the main frame of one of our windows showing one of our pages, and only when that page has a use for it
 * (the capture overlay makes the `capture:*` calls and nothing else, and no other page makes those);
 * anything else gets `unauthorized`, is logged, and never reaches a handler. The rest (channel, schema,
 * handler, result shape) is dispatchCall's.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNELS, type CallChannel } from '../../preload/contract';
import type { Result } from '../core/result';
import { dispatchCall, type Handlers } from '../ipc-dispatch';
import type { ShellLog } from './logger';
import type { PageName, RendererPages } from './renderer-pages';

export interface SenderPolicy {
  /** The webContents of our windows, looked up at call time (windows come and go). */
  trustedContents(): readonly WebContents[];
  pages: RendererPages;
}

/**
 * Whether `page` may make `channel`'s call. The capture overlay is a full-screen window over whatever the
 * person was doing: it gets what selecting a region needs and nothing more (not the settings, the secrets,
 * links), and only it may answer a capture.
 */
export function pageMayCall(page: PageName, channel: CallChannel): boolean {
  return (page === 'capture') === channel.startsWith('capture:');
}

/** Why a call's sender is refused, or null when it is one of ours and its page may make `channel`'s call. */
export function senderRejection(
  event: IpcMainInvokeEvent,
  policy: SenderPolicy,
  channel: CallChannel,
): string | null {
  if (!policy.trustedContents().includes(event.sender)) return 'not one of our windows';
  const frame = event.senderFrame;
  if (frame === null) return 'the frame is gone';
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'not the main frame';
  }
  const page = policy.pages.pageOf(frame.url);
  if (page === null) return `not our page (${frame.url})`;
  if (!pageMayCall(page, channel)) return `the ${page} page has no use for it`;
  return null;
}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, policy: SenderPolicy, log: ShellLog): void {
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
      const rejection = senderRejection(event, policy, channel);
      if (rejection !== null) {
        log.warn(`Refused IPC call ${channel}: ${rejection}`);
        return { ok: false, error: { code: 'unauthorized', message: 'This page may not call Nekodesk.' } };
      }
      return dispatchCall(handlers, channel, request);
    });
  }
}
