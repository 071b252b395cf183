/**
 * The preload: builds `window.nekodesk` from the contract over Electron IPC and hands it to the page
 * through contextBridge. Only the contract's channels can be reached; ipcRenderer itself never is.
 * Runs sandboxed: bundled as CommonJS with its dependencies (electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createNekodeskApi, type BridgeTransport } from './api-factory';
import { isCallChannel, isEventChannel } from './channels';

const transport: BridgeTransport = {
  invoke(channel, request) {
    if (!isCallChannel(channel)) return Promise.reject(new Error(`Unknown call ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  subscribe(channel, listener) {
    // The page chooses the channel name: only the contract's events may be listened to.
    if (!isEventChannel(channel)) throw new Error(`Unknown event ${String(channel)}`);
    const handler = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload);
    };
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('nekodesk', createNekodeskApi(transport));
