// Screenshot identification's core: cleaning an image before upload, the search with its previews, history,
// rankings, recent searches and the whatanimeisthis.com account. No Electron: the app and the CLI share it.
export {
  IdentifyService,
  openIdentifyService,
  UNSAVED_MEDIA_TTL_MS,
  type IdentifyServiceOptions,
} from './identify-service';
export { identifyImageDir, identifyImageKey, identifyImageFile, IDENTIFY_KEY_PREFIX } from './image-keys';
export { cropImage, type Region } from './crop-image';
export { cleanImage, MAX_UPLOAD_EDGE, UPLOAD_JPEG_QUALITY, type CleanedImage } from './clean-image';
export { checkImageInput, sniffInputFormat, type InputFormat } from './image-input';
export { findPictureBox, type Box } from './letterbox';
export { maskKey, NO_SECURE_STORAGE, GUEST_DAILY_SEARCHES, type AccountKind } from './account';
export { HISTORY_FILE_NAME, MAX_HISTORY_ENTRIES } from './history-file';
export { ACCOUNT_FILE_NAME } from './account-file';
export { anilistLink, type PreviewPolicy } from './candidates';
export { RANKINGS_FETCHED } from './browse';
