/** The tray icon and its menu: the app's only permanent presence on screen. */
import { Menu, Tray, nativeImage } from 'electron';
import { APP_NAME } from '../core/app-info';

export interface TrayActions {
  openMain(): void;
  quit(): void;
}

export function createTray(iconPath: string, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip(APP_NAME);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      {
        label: `Open ${APP_NAME}`,
        click: () => {
          actions.openMain();
        },
      },
      { type: 'separator' },
      {
        label: `Quit ${APP_NAME}`,
        click: () => {
          actions.quit();
        },
      },
    ]),
  );
  // Windows opens on click; Linux trays (AppIndicator) often only show the menu, which has the same item.
  tray.on('click', () => {
    actions.openMain();
  });
  return tray;
}
