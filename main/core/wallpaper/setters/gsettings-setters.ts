/**
 * GNOME and the desktops that share its settings (Unity, Budgie), Cinnamon and MATE: `gsettings set`.
 * Span mode ("spanned") shows one image across every monitor; "zoom" fills a single one.
 */
import { NekodeskError } from '../../errors';
import type { ComposedWallpaper } from '../types';
import { isMultiMonitor, spanFile } from './composed-files';
import { toFileUri } from './file-uri';
import { gvariantString } from './gvariant-text';
import { runTool, type SetWallpaper, type SetterContext } from './setter-context';
import { TOOLS } from './tools';

function pictureOptions(composed: ComposedWallpaper): string {
  return gvariantString(isMultiMonitor(composed) ? 'spanned' : 'zoom');
}

function gsettingsSet(ctx: SetterContext, schema: string, key: string, value: string): Promise<unknown> {
  return runTool(ctx, TOOLS.gsettings, ['set', schema, key, value]);
}

/** GNOME, Unity, Budgie: `picture-uri` and, since GNOME 42, `picture-uri-dark` (else dark style keeps the old one). */
export function gnomeSetter(ctx: SetterContext): SetWallpaper {
  const schema = 'org.gnome.desktop.background';
  return async (composed) => {
    const uri = gvariantString(toFileUri(spanFile(composed)));
    await gsettingsSet(ctx, schema, 'picture-options', pictureOptions(composed));
    await gsettingsSet(ctx, schema, 'picture-uri', uri);
    try {
      await gsettingsSet(ctx, schema, 'picture-uri-dark', uri);
    } catch (error) {
      // Before GNOME 42 there is no dark variant to keep in step; anything else is a real failure.
      if (!(error instanceof NekodeskError && /No such key/i.test(error.message))) throw error;
    }
  };
}

export function cinnamonSetter(ctx: SetterContext): SetWallpaper {
  const schema = 'org.cinnamon.desktop.background';
  return async (composed) => {
    await gsettingsSet(ctx, schema, 'picture-options', pictureOptions(composed));
    await gsettingsSet(ctx, schema, 'picture-uri', gvariantString(toFileUri(spanFile(composed))));
  };
}

/** MATE keeps a plain path, not a URI. */
export function mateSetter(ctx: SetterContext): SetWallpaper {
  const schema = 'org.mate.background';
  return async (composed) => {
    await gsettingsSet(ctx, schema, 'picture-options', pictureOptions(composed));
    await gsettingsSet(ctx, schema, 'picture-filename', gvariantString(spanFile(composed)));
  };
}
