import type { Artwork } from '../core/artwork';
import { NekodeskError } from '../core/errors';
import type { Library } from '../core/library';
import type { CliContext } from './context';

/** `nekosia:<id>` or `nekos.best:<id>`. */
export const COPY_ARTWORK_ID = /^(nekosia|nekos\.best):(.+)$/;

/**
 * The artwork `target` names: an artwork id (from the favorites or history, else Nekosia by id), or a
 * nekos.best category (one random GIF or image).
 */
export async function resolveCopyTarget(ctx: CliContext, library: Library, target: string): Promise<Artwork> {
  const trimmed = target.trim();
  const id = COPY_ARTWORK_ID.exec(trimmed);
  if (id === null) {
    const { nekosBest } = await ctx.core();
    const [artwork] = await nekosBest.random(trimmed, 1);
    if (artwork === undefined)
      throw new NekodeskError('not_found', `nekos.best returned nothing for "${trimmed}".`);
    return artwork;
  }
  const { favorites, history } = await library.snapshot();
  const known =
    favorites.find((entry) => entry.artwork.id === trimmed)?.artwork ??
    history.find((entry) => entry.artwork.id === trimmed)?.artwork;
  if (known !== undefined) return known;
  if (id[1] === 'nekosia') {
    const { nekosia } = await ctx.core();
    return nekosia.imageById(id[2] ?? '');
  }
  throw new NekodeskError(
    'not_found',
    `${trimmed} is not in your history or favorites (nekos.best artworks cannot be looked up by id).`,
  );
}
