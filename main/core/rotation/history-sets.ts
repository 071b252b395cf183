import type { Artwork } from '../artwork';
import type { HistoryEntry, ShownArtwork } from '../library';
import type { Monitor } from '../wallpaper/types';
import { isAllowed, type CandidateRules } from './candidate-rules';
import type { ArtworkFile, ShownWallpaper } from './rotation-ports';

/** Artworks shown together, newest set first. */
export interface HistorySet {
  setId: string;
  shownAt: number;
  shown: ShownWallpaper[];
}

/** Groups the history (newest first) into the sets that were shown together. */
export function historySets(history: readonly HistoryEntry[]): HistorySet[] {
  const sets: HistorySet[] = [];
  const byId = new Map<string, HistorySet>();
  for (const entry of history) {
    const setId = entry.setId ?? `at:${entry.shownAt}`;
    let set = byId.get(setId);
    if (set === undefined) {
      set = { setId, shownAt: entry.shownAt, shown: [] };
      byId.set(setId, set);
      sets.push(set);
    }
    set.shown.push({ monitorId: entry.monitor?.id ?? null, artwork: entry.artwork });
  }
  return sets;
}

/**
 * One artwork per monitor from a set shown before, even if the monitors changed since: each artwork goes back
 * to its own monitor where that still exists, the others fill the remaining monitors in order (repeating
 * when there are more monitors than artworks).
 */
export function assignToMonitors(shown: readonly ShownWallpaper[], monitors: readonly Monitor[]): Artwork[] {
  const left = [...shown];
  const assigned = monitors.map((monitor) => {
    const index = left.findIndex((item) => item.monitorId === monitor.id);
    return index >= 0 ? left.splice(index, 1)[0]?.artwork : undefined;
  });
  const spare = left.length > 0 ? left : [...shown];
  let next = 0;
  return assigned.map((artwork) => {
    if (artwork !== undefined) return artwork;
    const item = spare[next++ % spare.length];
    if (item === undefined) throw new Error('A set from the history has no artwork.');
    return item.artwork;
  });
}

/** Identifies a monitor layout: prepared sets are only used on the layout they were made for. */
export function layoutKey(monitors: readonly Monitor[]): string {
  return monitors.map((m) => `${m.id}@${m.x},${m.y},${m.width}x${m.height}`).join('|');
}

/**
 * The set shown before `currentSetId` (the newest when it is not in the history), skipping sets with an
 * artwork that is now banned or filtered out.
 */
export function setBefore(
  history: readonly HistoryEntry[],
  currentSetId: string | null,
  rules: CandidateRules,
): HistorySet | undefined {
  const sets = historySets(history);
  const from = sets.findIndex((set) => set.setId === currentSetId);
  return sets.slice(from + 1).find((set) => set.shown.every((item) => isAllowed(item.artwork, rules)));
}

/** What the history records of a set just shown: each artwork with the monitor it was on. */
export function shownForHistory(monitors: readonly Monitor[], picks: readonly ArtworkFile[]): ShownArtwork[] {
  return picks.map((pick, index) => {
    const monitor = monitors[index];
    return monitor === undefined
      ? { artwork: pick.artwork }
      : { artwork: pick.artwork, monitor: { id: monitor.id, width: monitor.width, height: monitor.height } };
  });
}
