import { SvelteMap } from 'svelte/reactivity';
import type { CopyMode, ErrorPayload, NekodeskApi, PickerChip, PickerItem } from '../lib/api';
import { categoryLabel } from '../lib/categories';
import { describeError } from '../lib/errors';
import { ToastStore } from '../lib/toasts.svelte';
import { COPY_MODE_TEXT } from './copy-modes';

export const PAGE_SIZE = 60;
/** Previews asked per call: small batches, so the first tiles light up before the last are ready. */
const PREVIEW_BATCH = 4;
const FALLBACK_CHIPS: PickerChip[] = [
  { id: 'recent', kind: 'recent', label: 'Recent', category: null, format: null },
  { id: 'favorites', kind: 'favorites', label: 'Favorites', category: null, format: null },
];

export interface TilePreview {
  previewUrl: string | null;
  posterUrl: string | null;
  /** Asked and answered with nothing: the tile shows its fallback. */
  failed: boolean;
}

/** The tile's caption: the anime when known, else the category. */
export function itemTitle(item: PickerItem): string {
  return item.artwork.anime ?? categoryLabel(item.artwork.category);
}

/**
 * The picker's state: chips, the list a chip or a search shows, previews, and what copying and favoriting do.
 * Each browse or search is a run; an answer from an older run (a slower search, a chip left behind) is dropped.
 */
export class PickerModel {
  chips: PickerChip[] = $state.raw([...FALLBACK_CHIPS]);
  /** Why the chip list is incomplete (categories could not be fetched). */
  chipsError: ErrorPayload | null = $state.raw(null);
  chip = $state('recent');
  query = $state('');
  items: PickerItem[] = $state.raw([]);
  status: 'loading' | 'ready' | 'failed' = $state('loading');
  /** Why the list failed (status `failed`). */
  error: ErrorPayload | null = $state.raw(null);
  /** Browsing shows only downloaded GIFs: nekos.best is unreachable. */
  offline = $state(false);
  /** nekos.best's part of the search failed (offline, rate limited); the local matches stay. */
  remoteError: ErrorPayload | null = $state.raw(null);
  searchingRemote = $state(false);
  done = $state(true);
  loadingMore = $state(false);
  showImages = $state(false);
  copyMode: CopyMode = $state('file');
  alternateCopyMode: CopyMode = $state('link');
  readonly previews = new SvelteMap<string, TilePreview>();
  readonly toasts = new ToastStore();
  readonly #api: NekodeskApi;
  // Bookkeeping, never rendered: a plain Set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #asked = new Set<string>();
  #run = 0;

  constructor(api: NekodeskApi) {
    this.#api = api;
  }

  get searching(): boolean {
    return this.query.trim() !== '';
  }

  get selectedChip(): PickerChip | undefined {
    return this.chips.find((chip) => chip.id === this.chip);
  }

  /** First open: settings, chips, then Recent (or the first reaction category when nothing was copied yet). */
  async start(): Promise<void> {
    const settings = await this.#api.settings.get();
    if (settings.ok) {
      this.showImages = settings.data.picker.showImageCategories;
      this.copyMode = settings.data.picker.copyMode;
      this.alternateCopyMode = settings.data.picker.alternateCopyMode;
    }
    await this.loadChips();
    await this.#browse();
    if (this.chip === 'recent' && !this.searching && this.status === 'ready' && this.items.length === 0) {
      const first = this.chips.find((chip) => chip.kind === 'category' && chip.format === 'gif');
      if (first) await this.select(first.id);
    }
  }

  async loadChips(): Promise<void> {
    const result = await this.#api.picker.chips();
    if (result.ok) {
      this.chips = result.data;
      this.chipsError = null;
    } else {
      this.chips = [...FALLBACK_CHIPS];
      this.chipsError = result.error;
    }
    if (!this.chips.some((chip) => chip.id === this.chip)) this.chip = 'recent';
  }

  async toggleImages(): Promise<void> {
    const showImages = !this.showImages;
    this.showImages = showImages;
    const saved = await this.#api.settings.update({ picker: { showImageCategories: showImages } });
    if (!saved.ok) this.#fail(saved.error);
    const before = this.chip;
    await this.loadChips();
    if (this.chip !== before) await this.refresh();
  }

  async select(chipId: string): Promise<void> {
    this.chip = chipId;
    await this.refresh();
  }

  async setQuery(query: string): Promise<void> {
    this.query = query;
    await this.refresh();
  }

  /** Shows the current chip or search again (Retry). */
  refresh(): Promise<void> {
    return this.searching ? this.#search() : this.#browse();
  }

  /** The next page of the chip, when the grid nears its end. */
  async loadMore(): Promise<void> {
    if (this.done || this.loadingMore || this.searching || this.status !== 'ready') return;
    const run = this.#run;
    this.loadingMore = true;
    const result = await this.#api.picker.browse({
      chip: this.chip,
      offset: this.items.length,
      limit: PAGE_SIZE,
    });
    if (run !== this.#run) return;
    this.loadingMore = false;
    if (!result.ok) {
      this.done = true;
      this.#fail(result.error);
      return;
    }
    this.items = dedupe([...this.items, ...result.data.items]);
    this.done = result.data.done || result.data.items.length === 0;
    this.offline = result.data.offline;
  }

  async #browse(): Promise<void> {
    const run = ++this.#run;
    this.#begin();
    const result = await this.#api.picker.browse({ chip: this.chip, offset: 0, limit: PAGE_SIZE });
    if (run !== this.#run) return;
    if (!result.ok) {
      this.status = 'failed';
      this.error = result.error;
      return;
    }
    this.items = result.data.items;
    this.done = result.data.done;
    this.offline = result.data.offline;
    this.status = 'ready';
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const category = this.selectedChip?.category ?? undefined;
    const request = { query: this.query.trim(), ...(category === undefined ? {} : { category }) };
    this.#begin();
    const local = await this.#api.picker.search(request);
    if (run !== this.#run) return;
    if (!local.ok) {
      this.status = 'failed';
      this.error = local.error;
      return;
    }
    this.items = local.data.items;
    this.status = 'ready';
    this.searchingRemote = true;
    const remote = await this.#api.picker.searchRemote({ seq: local.data.seq });
    if (run !== this.#run) return;
    this.searchingRemote = false;
    if (!remote.ok) {
      this.remoteError = remote.error;
      return;
    }
    if (remote.data.superseded) return;
    this.items = dedupe([...this.items, ...remote.data.items]);
  }

  #begin(): void {
    this.status = 'loading';
    this.error = null;
    this.remoteError = null;
    this.searchingRemote = false;
    this.loadingMore = false;
    this.offline = false;
    this.done = true;
  }

  previewOf(item: PickerItem): TilePreview {
    return (
      this.previews.get(item.artwork.id) ?? {
        previewUrl: item.previewUrl,
        posterUrl: item.posterUrl,
        failed: false,
      }
    );
  }

  /** Asks for the previews of the tiles on screen that have none yet (each artwork once). */
  requestPreviews(items: readonly PickerItem[]): void {
    const wanted = items
      .filter((item) => item.posterUrl === null && !this.#asked.has(item.artwork.id))
      .map((item) => item.artwork.id);
    for (const id of wanted) this.#asked.add(id);
    for (let index = 0; index < wanted.length; index += PREVIEW_BATCH) {
      void this.#fetchPreviews(wanted.slice(index, index + PREVIEW_BATCH));
    }
  }

  async #fetchPreviews(artworkIds: string[]): Promise<void> {
    const result = await this.#api.picker.previews({ artworkIds });
    const answers = result.ok ? result.data : [];
    for (const id of artworkIds) {
      const answer = answers.find((preview) => preview.artworkId === id);
      const posterUrl = answer?.posterUrl ?? null;
      this.previews.set(id, {
        previewUrl: answer?.previewUrl ?? posterUrl,
        posterUrl,
        failed: posterUrl === null,
      });
    }
  }

  /** Copies in `mode`, the alternate mode, or (neither) the default one; a toast says how. */
  async copy(item: PickerItem, how: { mode?: CopyMode; alternate?: boolean } = {}): Promise<void> {
    const request = {
      artworkId: item.artwork.id,
      ...(how.mode === undefined ? {} : { mode: how.mode }),
      ...(how.alternate === true && how.mode === undefined ? { alternate: true } : {}),
    };
    const pending = this.toasts.push({ level: 'info', message: `Copying “${itemTitle(item)}”…` });
    const result = await this.#api.picker.copy(request);
    this.toasts.dismiss(pending);
    if (!result.ok) {
      this.#fail(result.error);
      return;
    }
    this.toasts.push({
      level: 'info',
      message: `Copied “${itemTitle(item)}” ${COPY_MODE_TEXT[result.data.mode].toast}`,
    });
  }

  async toggleFavorite(item: PickerItem): Promise<void> {
    const result = await this.#api.picker.toggleFavorite({ artworkId: item.artwork.id });
    if (!result.ok) {
      this.#fail(result.error);
      return;
    }
    const { favorite } = result.data;
    this.items = this.items.map((entry) =>
      entry.artwork.id === item.artwork.id ? { ...entry, favorite } : entry,
    );
    this.toasts.push({
      level: 'info',
      message: favorite
        ? `Added “${itemTitle(item)}” to favorites`
        : `Removed “${itemTitle(item)}” from favorites`,
    });
  }

  async openSource(item: PickerItem): Promise<void> {
    const url = item.artwork.sourceUrl ?? item.artwork.url;
    const result = await this.#api.shell.openLink({ url });
    if (!result.ok) this.#fail(result.error);
  }

  async startDrag(item: PickerItem): Promise<void> {
    const result = await this.#api.picker.startDrag({ artworkId: item.artwork.id });
    if (!result.ok) this.#fail(result.error);
  }

  async hide(): Promise<void> {
    const result = await this.#api.picker.hide();
    if (!result.ok) this.#fail(result.error);
  }

  #fail(error: ErrorPayload): void {
    const view = describeError(error, 'nekos.best');
    this.toasts.push({
      level: error.code === 'rate_limited' || error.code === 'offline' ? 'warning' : 'error',
      message: `${view.title}: ${view.message}`,
    });
  }
}

function dedupe(items: readonly PickerItem[]): PickerItem[] {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.artwork.id)) return false;
    seen.add(item.artwork.id);
    return true;
  });
}
