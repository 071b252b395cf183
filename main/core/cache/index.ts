// The download cache: artwork files on disk for the wallpaper engine, the picker and the renderer protocol.
export { DownloadCache } from './download-cache';
export {
  DEFAULT_CACHE_LIMIT_BYTES,
  DEFAULT_DOWNLOAD_TIMEOUT_MS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_TOUCH_FLUSH_MS,
  type CacheStats,
  type DownloadCacheOptions,
  type EnsureOptions,
} from './download-cache-options';
export { CACHE_VARIANTS, type CacheEntry, type CacheVariant, type ProgressListener } from './cache-entry';
export { cacheUrl, parseCacheUrl, CACHE_URL_PREFIX } from './cache-url';
export { cacheKeyOf, isCacheKey } from './cache-key';
export { nodeCacheFs, type CacheFs, type FileStat } from './cache-fs';
export { sniffImageType, IMAGE_TYPES, type ImageType } from '../image-type';
