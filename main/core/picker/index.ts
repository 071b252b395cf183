// The reaction picker's core: chips, browsing, search, previews, copy, Recent/Favorites and the warm pool
// (kept in step with favorites and use by `WarmPoolKeeper`).
export {
  PickerService,
  pickerPreviewDir,
  RECENT_CHIP,
  FAVORITES_CHIP,
  categoryChipId,
} from './picker-service';
export type * from './picker-ports';
export {
  PickerFile,
  MemoryPickerStore,
  emptyPickerData,
  parsePickerData,
  PICKER_FILE_NAME,
  DEFAULT_RECENT_LIMIT,
  type PickerStore,
  type PickerData,
  type PickerFileOptions,
  type RecentEntry,
  type FavoriteEntry,
  type PickerCategory,
} from './picker-store';
export { PickerSearchIndex, foldText } from './search-index';
export { PreviewMaker } from './preview-maker';
export {
  WarmPoolKeeper,
  DEFAULT_REWARM_DEBOUNCE_MS,
  type WarmablePicker,
  type WarmPoolKeeperOptions,
} from './warm-pool-keeper';
