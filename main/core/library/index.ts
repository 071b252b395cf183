// History, favorites and bans, kept in library.json and shared by the app and the CLI.
export { Library, DEFAULT_HISTORY_LIMIT, type LibraryOptions, type ShownArtwork } from './library';
export { LibraryFile, LIBRARY_FILE_NAME, type LibraryFileOptions } from './library-file';
export { MemoryLibraryStorage, type LibraryStorage } from './library-storage';
export {
  emptyLibrary,
  type BanEntry,
  type FavoriteEntry,
  type HistoryEntry,
  type LibraryData,
  type ShownMonitor,
} from './library-schema';
export type { CachedFileLookup, FavoritesExport } from './export-favorites';
export { artworkFileName, sanitizeFileNamePart } from './safe-file-name';
