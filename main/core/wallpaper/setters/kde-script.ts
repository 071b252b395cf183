/**
 * The Plasma shell script that sets every desktop's wallpaper (run through
 * `org.kde.PlasmaShell.evaluateScript`). Plasma has no span mode: each screen's desktop gets its own
 * monitor's image, found by position (or, when the coordinates differ by scaling, by left-to-right rank).
 * All data is embedded as JSON, so a path can never break out of its string.
 */
import type { ComposedWallpaper } from '../types';
import { isMultiMonitor, orderedMonitorFiles, primaryMonitorFile, spanFile } from './composed-files';
import { toFileUri } from './file-uri';

/** Plasma's Image wallpaper FillMode: 2 = scaled and cropped (fill, keeping proportions). */
const FILL_MODE_CROP = 2;

export function plasmaWallpaperScript(composed: ComposedWallpaper): string {
  const monitors = isMultiMonitor(composed)
    ? orderedMonitorFiles(composed)
        .map(({ monitor, file }) => ({ x: monitor.x, y: monitor.y, uri: toFileUri(file) }))
        .sort((a, b) => a.x - b.x || a.y - b.y)
    : [];
  const fallback = isMultiMonitor(composed) ? primaryMonitorFile(composed) : spanFile(composed);
  return [
    `var monitors = ${scriptJson(monitors)};`,
    `var fallback = ${scriptJson(toFileUri(fallback))};`,
    'var screens = [];',
    'for (var s = 0; s < screenCount; s++) { var g = screenGeometry(s); screens.push({ id: s, x: g.x, y: g.y }); }',
    'var ranked = screens.slice().sort(function (a, b) { return a.x - b.x || a.y - b.y; });',
    'function uriFor(screen) {',
    '  var g = null;',
    '  for (var i = 0; i < screens.length; i++) if (screens[i].id === screen) g = screens[i];',
    '  if (g === null) return fallback;',
    '  for (var j = 0; j < monitors.length; j++) if (monitors[j].x === g.x && monitors[j].y === g.y) return monitors[j].uri;',
    '  if (monitors.length !== screens.length) return fallback;',
    '  for (var k = 0; k < ranked.length; k++) if (ranked[k].id === screen) return monitors[k].uri;',
    '  return fallback;',
    '}',
    'var all = desktops();',
    'for (var d = 0; d < all.length; d++) {',
    '  var desktop = all[d];',
    "  desktop.wallpaperPlugin = 'org.kde.image';",
    "  desktop.currentConfigGroup = ['Wallpaper', 'org.kde.image', 'General'];",
    `  desktop.writeConfig('FillMode', ${FILL_MODE_CROP});`,
    "  desktop.writeConfig('Image', uriFor(desktop.screen));",
    '}',
  ].join('\n');
}

/** JSON is valid JavaScript, except U+2028/U+2029 inside strings for pre-ES2019 engines: escape those too. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
