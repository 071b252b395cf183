/**
 * Registers one `ipcMain.handle` per call of the contract. A call is answered only when it comes from
 * the main frame of one of our windows showing one of our pages; anything else gets `unauthorized`, is
 * logged, and never reaches a handler. The rest (channel, schema, handler, result shape) is dispatchCall's.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNELS } from '../../preload/contract';
import type { Result } from '../core/result';
import { dispatchCall, type Handlers } from '../ipc-dispatch';
import type { ShellLog } from './logger';
import type { RendererPages } from './renderer-pages';

export interface SenderPolicy {
  /** The webContents of our windows, looked up at call time (windows come and go). */
  trustedContents(): readonly WebContents[];
  pages: RendererPages;
}

/** Why a call's sender is refused, or null when it is one of ours. */
export function senderRejection(event: IpcMainInvokeEvent, policy: SenderPolicy): string | null {
  if (!policy.trustedContents().includes(event.sender)) return 'not one of our windows';
  const frame = event.senderFrame;
  if (frame === null) return 'the frame is gone';
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'not the main frame';
  }
  if (!policy.pages.isOurPage(frame.url)) return `not our page (${frame.url})`;
  return null;
}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, policy: SenderPolicy, log: ShellLog): void {
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
      const rejection = senderRejection(event, policy);
      if (rejection !== null) {
        log.warn(`Refused IPC call ${channel}: ${rejection}`);
        return { ok: false, error: { code: 'unauthorized', message: 'This page may not call Nekodesk.' } };
      }
      return dispatchCall(handlers, channel, request);
    });
  }
}
