import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTray, TRAY_LABELS, type TrayActions } from '../../main/shell/tray';
import { FakeTray, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
});

function actions() {
  return {
    openMain: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
    next: vi.fn<() => void>(),
    previous: vi.fn<() => void>(),
    favoriteCurrent: vi.fn<() => void>(),
    banCurrent: vi.fn<() => void>(),
    setPaused: vi.fn<(paused: boolean) => void>(),
  } satisfies TrayActions;
}

describe('the tray menu', () => {
  it('calls the rotation from its wallpaper items', () => {
    const calls = actions();
    const { update } = createTray('/icon.png', calls);
    update({ paused: false, hasCurrent: true });
    const tray = FakeTray.created[0]!;
    tray.choose(TRAY_LABELS.next);
    tray.choose(TRAY_LABELS.previous);
    tray.choose(TRAY_LABELS.favorite);
    tray.choose(TRAY_LABELS.ban);
    expect(calls.next).toHaveBeenCalledOnce();
    expect(calls.previous).toHaveBeenCalledOnce();
    expect(calls.favoriteCurrent).toHaveBeenCalledOnce();
    expect(calls.banCurrent).toHaveBeenCalledOnce();
    tray.choose(TRAY_LABELS.open);
    tray.emit('click');
    expect(calls.openMain).toHaveBeenCalledTimes(2);
  });

  it('has a Pause checkbox that asks for the state the person picked and follows the rotation', () => {
    const calls = actions();
    const { update } = createTray('/icon.png', calls);
    const tray = FakeTray.created[0]!;
    expect(tray.item(TRAY_LABELS.pause)).toMatchObject({ type: 'checkbox', checked: false });
    tray.choose(TRAY_LABELS.pause);
    expect(calls.setPaused).toHaveBeenLastCalledWith(true);

    update({ paused: true, hasCurrent: false });
    expect(tray.item(TRAY_LABELS.pause)?.checked).toBe(true);
    tray.choose(TRAY_LABELS.pause);
    expect(calls.setPaused).toHaveBeenLastCalledWith(false);
  });

  it('disables Favorite and Ban while nothing is shown', () => {
    const { update } = createTray('/icon.png', actions());
    const tray = FakeTray.created[0]!;
    expect(tray.item(TRAY_LABELS.favorite)?.enabled).toBe(false);
    expect(tray.item(TRAY_LABELS.ban)?.enabled).toBe(false);
    const menu = tray.menu;
    update({ paused: false, hasCurrent: false });
    expect(tray.menu).toBe(menu); // nothing changed: no new menu
    update({ paused: false, hasCurrent: true });
    expect(tray.item(TRAY_LABELS.favorite)?.enabled).toBe(true);
  });
});

describe('the tray’s identify item', () => {
  it('is there only when the app can identify, and runs the identification', () => {
    createTray('/icon.png', actions());
    expect(FakeTray.created[0]?.item(TRAY_LABELS.identify)).toBeUndefined();

    const identifyClipboard = vi.fn<() => void>();
    createTray('/icon.png', { ...actions(), identifyClipboard });
    const tray = FakeTray.created[1]!;
    expect(TRAY_LABELS.identify).toBe('Identify clipboard image');
    tray.choose(TRAY_LABELS.identify);
    expect(identifyClipboard).toHaveBeenCalledOnce();
  });
});
