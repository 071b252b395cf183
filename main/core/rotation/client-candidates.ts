import type { Artwork } from '../artwork';
import type { Library } from '../library';
import type { WallpaperSettings, WallpaperSource } from '../settings/settings-schema';
import type { NekosBestClient } from '../sources/nekos-best/client';
import type { NekosiaClient } from '../sources/nekosia/client';
import type { RotationPorts } from './rotation-ports';

/** The clients the rotation draws from (a `Core` has both). */
export interface CandidateClients {
  nekosia: Pick<NekosiaClient, 'images'>;
  nekosBest: Pick<NekosBestClient, 'random'>;
}

export interface ClientCandidatesOptions {
  /** The clients as they are now (the app rebuilds them when the service URLs change). */
  clients: () => CandidateClients;
  library: Library;
  settings: () => WallpaperSettings;
  /** This installation's id (the `installationId` setting): Nekosia's session, so images never repeat. */
  sessionId?: string;
}

/** Both services answer at most 20 at a time. */
const MAX_COUNT = 20;
/** Nekosia takes at most 20 blacklisted tags, each like this; the rotation filters the rest itself. */
const MAX_UPSTREAM_TAGS = 20;
const UPSTREAM_TAG = /^[\p{L}\p{N}][\p{L}\p{N}_.'-]{0,63}$/u;

/**
 * The rotation's `candidates` port over the real clients: Nekosia with the settings' rating and blacklist and
 * this installation's session; nekos.best; the favorites from the library (all of them: they are local).
 */
export function clientCandidates(options: ClientCandidatesOptions): RotationPorts['candidates'] {
  return async (source: WallpaperSource, count: number, signal?: AbortSignal): Promise<Artwork[]> => {
    const amount = Math.min(MAX_COUNT, Math.max(1, Math.floor(count)));
    const call = signal === undefined ? {} : { signal };
    switch (source.kind) {
      case 'nekosia': {
        const settings = options.settings();
        const blacklist = upstreamTags(settings.blacklist);
        const wanted = upstreamTags(source.tags).filter((tag) => !blacklist.includes(tag));
        const result = await options.clients().nekosia.images(
          source.category,
          {
            count: amount,
            additionalTags: wanted,
            blacklistedTags: blacklist.slice(0, MAX_UPSTREAM_TAGS),
            rating: settings.rating,
            ...(options.sessionId === undefined ? {} : { session: 'id' as const, id: options.sessionId }),
          },
          call,
        );
        return result.artworks;
      }
      case 'nekos.best':
        return options.clients().nekosBest.random(source.category, amount, call);
      case 'favorites':
        return (await options.library.favorites()).map((entry) => entry.artwork);
    }
  };
}

function upstreamTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().toLowerCase();
    if (UPSTREAM_TAG.test(clean)) out.add(clean);
  }
  return [...out];
}
