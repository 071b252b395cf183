import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../main/core/settings';
import { createWindowEvents, MAX_QUEUED_EVENTS } from '../../main/shell/window-events';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron';

const asWindow = (window: FakeBrowserWindow): BrowserWindow => window as unknown as BrowserWindow;
const notice = (message: string) => ({ level: 'info' as const, message });

beforeEach(() => {
  resetFakeElectron();
});

function loadingWindow(events: ReturnType<typeof createWindowEvents>): FakeBrowserWindow {
  const window = new FakeBrowserWindow({ show: false });
  events.track(asWindow(window));
  void window.loadURL('app://nekodesk/picker.html');
  return window;
}

describe('window events', () => {
  it('holds events for a hidden window that has not loaded yet and delivers them, in order, once it has', () => {
    const events = createWindowEvents();
    const picker = loadingWindow(events);
    events.send(asWindow(picker), 'app:notice', notice('first'));
    events.send(asWindow(picker), 'app:notice', notice('second'));
    expect(picker.webContents.sent).toEqual([]);

    picker.webContents.finishLoad();
    expect(picker.webContents.sent).toEqual([
      { channel: 'app:notice', payload: notice('first') },
      { channel: 'app:notice', payload: notice('second') },
    ]);
    events.send(asWindow(picker), 'app:notice', notice('third'));
    expect(picker.webContents.sent).toHaveLength(3);
  });

  it('queues again while the page reloads, so the reloaded page gets what it missed', () => {
    const events = createWindowEvents();
    const window = loadingWindow(events);
    window.webContents.finishLoad();
    void window.loadURL('app://nekodesk/picker.html');
    events.send(asWindow(window), 'app:notice', notice('during reload'));
    expect(window.webContents.sent).toEqual([]);
    window.webContents.finishLoad();
    expect(window.webContents.sent).toEqual([{ channel: 'app:notice', payload: notice('during reload') }]);
  });

  it('never sends to a destroyed window, queued or not, and does not throw', () => {
    const events = createWindowEvents();
    const gone = loadingWindow(events);
    events.send(asWindow(gone), 'app:notice', notice('queued'));
    gone.destroy();
    expect(() => {
      events.send(asWindow(gone), 'app:notice', notice('after'));
      events.broadcast('app:notice', notice('to all'));
    }).not.toThrow();
    expect(gone.webContents.sent).toEqual([]);
  });

  it('does not deliver a queue to a page that finished loading after its window was destroyed', () => {
    const events = createWindowEvents();
    const window = loadingWindow(events);
    events.send(asWindow(window), 'app:notice', notice('queued'));
    window.webContents.destroy();
    expect(() => {
      window.webContents.finishLoad();
    }).not.toThrow();
    expect(window.webContents.sent).toEqual([]);
  });

  it('broadcasts to every tracked window, each when it is ready', () => {
    const events = createWindowEvents();
    const main = loadingWindow(events);
    const picker = loadingWindow(events);
    main.webContents.finishLoad();
    const settings = { launchAtLogin: true } as Settings;
    events.broadcast('settings:changed', settings);
    expect(main.webContents.sent).toEqual([{ channel: 'settings:changed', payload: settings }]);
    expect(picker.webContents.sent).toEqual([]);
    picker.webContents.finishLoad();
    expect(picker.webContents.sent).toEqual([{ channel: 'settings:changed', payload: settings }]);
  });

  it('keeps only the newest events for a window that never loads', () => {
    const events = createWindowEvents();
    const stuck = loadingWindow(events);
    for (let index = 0; index < MAX_QUEUED_EVENTS + 5; index++) {
      events.send(asWindow(stuck), 'app:notice', notice(String(index)));
    }
    stuck.webContents.finishLoad();
    expect(stuck.webContents.sent).toHaveLength(MAX_QUEUED_EVENTS);
    expect(stuck.webContents.sent[0]?.payload).toEqual(notice('5'));
  });
});
