/**
 * Main → renderer events. A window that has not finished loading (the picker is created hidden at
 * start-up and may load after its first event) gets its events queued and delivered on
 * `did-finish-load`; a destroyed window gets nothing. A reload queues again until it has loaded.
 */
import type { BrowserWindow } from 'electron';
import type { EventChannel, EventPayload } from '../../preload/contract';

/** A window that never loads must not hold events forever: beyond this, the oldest are dropped. */
export const MAX_QUEUED_EVENTS = 100;

interface WindowState {
  loaded: boolean;
  queue: { channel: EventChannel; payload: unknown }[];
}

export interface WindowEvents {
  /** Call right after creating a window, before it starts loading. */
  track(window: BrowserWindow): void;
  send<E extends EventChannel>(window: BrowserWindow, channel: E, payload: EventPayload<E>): void;
  broadcast<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

export function createWindowEvents(): WindowEvents {
  const states = new Map<BrowserWindow, WindowState>();

  const deliver = (window: BrowserWindow, channel: EventChannel, payload: unknown): void => {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(channel, payload);
  };

  const send = (window: BrowserWindow, channel: EventChannel, payload: unknown): void => {
    if (window.isDestroyed()) return;
    const state = states.get(window);
    if (state === undefined || state.loaded) {
      deliver(window, channel, payload);
      return;
    }
    state.queue.push({ channel, payload });
    if (state.queue.length > MAX_QUEUED_EVENTS) state.queue.shift();
  };

  return {
    track(window) {
      const state: WindowState = { loaded: false, queue: [] };
      states.set(window, state);
      window.webContents.on('did-start-loading', () => {
        state.loaded = false;
      });
      window.webContents.on('did-finish-load', () => {
        state.loaded = true;
        const pending = state.queue.splice(0);
        for (const event of pending) deliver(window, event.channel, event.payload);
      });
      window.on('closed', () => states.delete(window));
    },
    send,
    broadcast(channel, payload) {
      for (const window of states.keys()) send(window, channel, payload);
    },
  };
}
