import pkg from '../../package.json';

export const APP_NAME = 'Nekodesk';
export const APP_VERSION: string = pkg.version;
export const APP_HOMEPAGE: string = pkg.homepage;

/** nekos.best asks clients to name the app, its version and a URL. */
export const USER_AGENT = `${APP_NAME}/${APP_VERSION} (${APP_HOMEPAGE})`;
