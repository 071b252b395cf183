/** What eviction needs to know about an entry. */
export interface EvictionCandidate {
  key: string;
  artworkId: string;
  size: number;
  lastUsedAt: number;
  storedAt: number;
}

/**
 * The keys to remove so the cache fits in `limitBytes`: least recently used first (then oldest stored, then by
 * key, so the order is stable). Entries of pinned artworks and the keys in `keep` are never chosen; when they
 * alone exceed the limit, the cache stays over it.
 */
export function planEviction(
  candidates: readonly EvictionCandidate[],
  limitBytes: number,
  pinnedArtworkIds: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): string[] {
  let total = candidates.reduce((sum, candidate) => sum + candidate.size, 0);
  if (total <= limitBytes) return [];
  const evictable = candidates
    .filter((candidate) => !pinnedArtworkIds.has(candidate.artworkId) && !keep.has(candidate.key))
    .sort(
      (a, b) =>
        a.lastUsedAt - b.lastUsedAt ||
        a.storedAt - b.storedAt ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  const chosen: string[] = [];
  for (const candidate of evictable) {
    if (total <= limitBytes) break;
    chosen.push(candidate.key);
    total -= candidate.size;
  }
  return chosen;
}
