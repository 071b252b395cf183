// Putting artworks on the clipboard: the payload for each copy mode, and the system writers the CLI uses.
export {
  payloadFor,
  markdownImage,
  sharpFirstFramePng,
  type ClipboardPayload,
  type FirstFramePng,
} from './clipboard-payload';
export type { ClipboardWriter } from './clipboard-writer';
export type { ClipboardTools } from './clipboard-tools';
export {
  createSystemClipboard,
  detectClipboardBackend,
  type ClipboardBackend,
  type SystemClipboardOptions,
} from './create-system-clipboard';
export { createPipeRunner, type PipeOptions, type PipeRunner } from './pipe-runner';
export { uriList, gnomeCopiedFiles } from './file-list';
export { x11Clipboard, singleTarget, type Selection } from './x11-clipboard';
export { waylandClipboard } from './wayland-clipboard';
export { macosClipboard } from './macos-clipboard';
export { windowsClipboard } from './windows-clipboard';
