/**
 * The one hand-written stand-in for the `electron` module (no Electron binary on these machines).
 * Each test file mocks it with `vi.mock('electron', () => import('./fake-electron'))`. It behaves like
 * Electron where the shell depends on it — events with preventDefault, a window-open handler whose
 * absence means "allow", `send` throwing on a destroyed webContents, one handler per IPC channel,
 * quitting closes every window — and adds helpers (`navigate`, `finishLoad`, `invoke`, …) to drive it.
 */
import Conf, { type Options as ConfOptions } from 'conf';
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class FakeWebFrameMain {
  readonly routingId = nextId++;
  constructor(
    public url: string,
    public readonly parent: FakeWebFrameMain | null,
    public readonly processId: number,
  ) {}
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
}
type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeWebFrameMain('', null, this.id);
  /** Everything main sent to this page, in order. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  #destroyed = false;
  #loading = false;

  /** Every `startDrag` item, in order. */
  readonly drags: { file: string; icon: FakeNativeImage | string }[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  startDrag(item: { file: string; icon: FakeNativeImage | string }): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    // Electron refuses an empty icon on macOS; everywhere it needs a file.
    if (item.file === '') throw new Error("Must specify either 'file' or 'files' option");
    this.drags.push(item);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload: args[0] });
    ipcRenderer.deliver(this, channel, args[0]);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return this.#loading;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  /** Called by loadURL: the page starts loading (Electron emits did-start-loading). */
  startLoading(url: string): void {
    this.mainFrame.url = url;
    this.#loading = true;
    this.emit('did-start-loading', new FakeEvent());
  }

  // ——— helpers that play the page's part ———

  finishLoad(): void {
    this.#loading = false;
    this.emit('did-finish-load', new FakeEvent());
  }

  /** The page navigates (a link, `location = …`); returns whether main let it. */
  navigate(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-navigate', event, url, false, true, this.id, this.mainFrame.routingId);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }

  redirect(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-redirect', event, url, false, true, this.id, this.mainFrame.routingId);
    return !event.defaultPrevented;
  }

  attachWebview(src: string): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }

  /** `window.open(url)`: Electron allows it when no handler is set. */
  openWindow(url: string): 'allow' | 'deny' {
    const handler = this.windowOpenHandler;
    return handler === null
      ? 'allow'
      : handler({ url, frameName: '', features: '', disposition: 'new-window' }).action;
  }

  addSubFrame(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this.mainFrame, this.id);
  }

  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }
}

export interface FakeWindowOptions {
  show?: boolean;
  webPreferences?: Record<string, unknown>;
  [option: string]: unknown;
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: FakeWindowOptions;
  #visible: boolean;
  #destroyed = false;
  #minimized = false;
  #bounds: FakeRectangle;
  #readyToShow = false;
  focused = false;
  /** Set by `setAlwaysOnTop` (the constructor's `alwaysOnTop` is in `options`). */
  alwaysOnTopLevel: string | null = null;
  /** Set by `setVisibleOnAllWorkspaces` (macOS). */
  allWorkspaces: { visible: boolean; visibleOnFullScreen: boolean } | null = null;

  constructor(options: FakeWindowOptions = {}) {
    super();
    this.options = options;
    this.#visible = options.show ?? true;
    const size = (name: string, fallback: number): number =>
      typeof options[name] === 'number' ? options[name] : fallback;
    this.#bounds = {
      x: size('x', 0),
      y: size('y', 0),
      width: size('width', 800),
      height: size('height', 600),
    };
    FakeBrowserWindow.created.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((window) => !window.isDestroyed());
  }

  loadURL(url: string): Promise<void> {
    this.#alive();
    this.webContents.startLoading(url);
    return new Promise((resolve) => {
      this.webContents.once('did-finish-load', () => {
        // Electron: once, when the page has first rendered, so a hidden window can be shown without a flash.
        if (!this.#readyToShow && !this.isDestroyed()) {
          this.#readyToShow = true;
          this.emit('ready-to-show', new FakeEvent());
        }
        resolve();
      });
    });
  }

  show(): void {
    this.#alive();
    this.#visible = true;
    this.#minimized = false;
    this.emit('show');
  }

  hide(): void {
    this.#alive();
    this.#visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.#alive();
    const was = this.focused;
    this.focused = true;
    if (!was) this.emit('focus', new FakeEvent());
  }

  setAlwaysOnTop(flag: boolean, level: string = 'floating'): void {
    this.#alive();
    this.alwaysOnTopLevel = flag ? level : null;
  }

  setVisibleOnAllWorkspaces(visible: boolean, options: { visibleOnFullScreen?: boolean } = {}): void {
    this.#alive();
    this.allWorkspaces = { visible, visibleOnFullScreen: options.visibleOnFullScreen ?? false };
  }

  minimize(): void {
    this.#minimized = true;
    this.focused = false;
  }

  getBounds(): FakeRectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<FakeRectangle>): void {
    this.#alive();
    this.#bounds = { ...this.#bounds, ...bounds };
  }

  isFocused(): boolean {
    return !this.#destroyed && this.#visible && this.focused;
  }

  restore(): void {
    this.#minimized = false;
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  isVisible(): boolean {
    return !this.#destroyed && this.#visible;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Like the close button: 'close' may be prevented; otherwise the window is destroyed. */
  close(): void {
    if (this.#destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }

  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  #alive(): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
  }
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrameMain | null;
  frameId: number;
  processId: number;
  type: 'frame';
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: FakeInvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: FakeInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke(channel, request)` in `sender` (by default its main frame) gets back. */
  async invoke(
    channel: string,
    request: unknown,
    from: { sender: FakeWebContents; frame?: FakeWebFrameMain | null },
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    const frame = from.frame === undefined ? from.sender.mainFrame : from.frame;
    const answer = await handler(
      {
        sender: from.sender,
        senderFrame: frame,
        frameId: frame?.routingId ?? -1,
        processId: from.sender.id,
        type: 'frame',
      },
      request,
    );
    return answer;
  }

  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

/** The preload's side of IPC, attached to one webContents (the page it runs in). */
class FakeIpcRenderer extends EventEmitter {
  contents: FakeWebContents | null = null;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (this.contents === null)
      return Promise.reject(new Error('The fake ipcRenderer is not attached to a page'));
    return ipcMain.invoke(channel, args[0], { sender: this.contents });
  }

  deliver(from: FakeWebContents, channel: string, payload: unknown): void {
    if (from === this.contents) this.emit(channel, { sender: null }, payload);
  }

  reset(): void {
    this.contents = null;
    this.removeAllListeners();
  }
}

class FakeContextBridge {
  exposed: Record<string, unknown> = {};
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in this.exposed)
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed[key] = api;
  }
}

export interface LoginItemSettingsCall {
  openAtLogin?: boolean;
  args?: string[];
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lockAvailable = true;
  sandboxEnabled = false;
  appPath = process.cwd();
  readonly paths = new Map<string, string>();
  readonly loginItemCalls: LoginItemSettingsCall[] = [];
  quitRequested = false;
  hasQuit = false;
  /** macOS: `app.hide()` calls (hides every window; the previous app becomes active). */
  hideCalls = 0;
  /** `app.focus(options)` calls. */
  readonly focusCalls: { steal?: boolean }[] = [];
  exitCode: number | null = null;
  #ready = false;
  #resolveReady: () => void = () => undefined;
  #whenReady = this.#newReadyPromise();

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.lockAvailable = true;
    this.sandboxEnabled = false;
    this.appPath = process.cwd();
    this.paths.clear();
    this.loginItemCalls.length = 0;
    this.quitRequested = false;
    this.hasQuit = false;
    this.hideCalls = 0;
    this.focusCalls.length = 0;
    this.exitCode = null;
    this.#ready = false;
    this.#whenReady = this.#newReadyPromise();
  }

  #newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  hide(): void {
    this.hideCalls += 1;
    for (const window of FakeBrowserWindow.getAllWindows()) if (window.isVisible()) window.hide();
  }

  focus(options: { steal?: boolean } = {}): void {
    this.focusCalls.push(options);
  }

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }

  enableSandbox(): void {
    if (this.#ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake-electron/${name}`;
  }

  setAppLogsPath(value: string): void {
    this.paths.set('logs', value);
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return '0.1.0';
  }

  getName(): string {
    return 'nekodesk';
  }

  setAppUserModelId(_id: string): void {
    // Windows only; nothing to record.
  }

  setLoginItemSettings(settings: LoginItemSettingsCall): void {
    this.loginItemCalls.push(settings);
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: this.loginItemCalls.at(-1)?.openAtLogin ?? false, wasOpenedAtLogin: false };
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  /** Helper: Electron finished starting. Resolves after the app's ready work has run. */
  async becomeReady(): Promise<void> {
    this.#ready = true;
    this.emit('ready', new FakeEvent(), {});
    this.#resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** before-quit, then every window is asked to close; any window that refuses cancels the quit. */
  quit(): void {
    this.quitRequested = true;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of FakeBrowserWindow.getAllWindows()) window.close();
    if (FakeBrowserWindow.getAllWindows().length > 0) return;
    this.emit('will-quit', new FakeEvent());
    this.hasQuit = true;
  }

  exit(code = 0): void {
    this.exitCode = code;
  }
}

type PermissionRequestHandler = (
  contents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  contents: FakeWebContents | null,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;
export interface HeadersDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}
export interface HeadersResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
}
type HeadersListener = (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** A page asks for a permission; Electron grants it when no handler is set. */
  requestPermission(contents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      handler(contents, permission, resolve, { requestingUrl: contents.getURL() });
    });
  }

  checkPermission(contents: FakeWebContents, permission: string): boolean {
    return this.permissionCheckHandler?.(contents, permission, contents.getURL(), {}) ?? true;
  }

  /** A response arrives; returns the headers the page will see. */
  receiveHeaders(details: HeadersDetails): Promise<Record<string, string | string[]> | undefined> {
    const listener = this.headersListener;
    if (listener === null) return Promise.resolve(details.responseHeaders);
    return new Promise((resolve) => {
      listener(details, (response) => {
        resolve(response.responseHeaders ?? details.responseHeaders);
      });
    });
  }

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.headersListener = null;
  }
}

class FakeProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  /** A page (or loadURL) requests a URL of a handled scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (handler === undefined) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url, init));
  }

  reset(): void {
    this.privileged = [];
    this.handlers.clear();
  }
}

/** Encrypts by XOR behind a marker: enough to prove a value never hits the disk as plain text. */
class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' =
    'gnome_libsecret';
  static readonly MARK = Buffer.from('v10');

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  getSelectedStorageBackend(): FakeSafeStorage['backend'] {
    return this.backend;
  }

  encryptString(plain: string): Buffer {
    if (!this.available) {
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    }
    return Buffer.concat([FakeSafeStorage.MARK, Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)]);
  }

  decryptString(sealed: Buffer): string {
    if (!this.available || !sealed.subarray(0, 3).equals(FakeSafeStorage.MARK)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return Buffer.from(sealed.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
  }

  reset(): void {
    this.available = true;
    this.backend = 'gnome_libsecret';
  }
}

export class FakeNativeImage {
  templateImage = false;
  /** Set by `resize`. */
  resizedTo: { width?: number; height?: number } | null = null;
  /** `path` is '' for an image made from a buffer (`bytes`). */
  constructor(
    readonly path: string,
    readonly bytes: Uint8Array | null = null,
  ) {}
  /** Electron gives an empty image when the file can't be read, or (here) is a WebP Chromium's decoder won't take. */
  isEmpty(): boolean {
    if (this.bytes !== null) return this.bytes.length === 0;
    return !existsSync(this.path) || this.path.endsWith('.webp');
  }
  resize(size: { width?: number; height?: number }): FakeNativeImage {
    const image = new FakeNativeImage(this.path, this.bytes);
    image.resizedTo = size;
    return image;
  }
  setTemplateImage(value: boolean): void {
    this.templateImage = value;
  }
  /** The image's PNG bytes (a fake made from PNG bytes gives them back; any other image gives none). */
  toPNG(): Buffer {
    return this.bytes !== null && isPng(this.bytes) ? Buffer.from(this.bytes) : Buffer.alloc(0);
  }
  /** The size in pixels, read from the PNG header like Chromium's decoder would. */
  getSize(): { width: number; height: number } {
    if (this.bytes === null || !isPng(this.bytes)) return { width: 0, height: 0 };
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
}

function isPng(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47
  );
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: (...args: unknown[]) => void;
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  static buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return new FakeMenu(template);
  }
}

export class FakeTray extends EventEmitter {
  static readonly created: FakeTray[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  constructor(readonly image: FakeNativeImage) {
    super();
    FakeTray.created.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
  }
  /** Helper: the person picks a menu item by its label. */
  choose(label: string): void {
    const item = this.menu?.items.find((entry) => entry.label === label);
    if (item?.click === undefined) throw new Error(`No tray menu item "${label}"`);
    if (item.enabled === false) throw new Error(`The tray menu item "${label}" is disabled`);
    // Like Electron: a checkbox flips before its click handler runs, which gets the item.
    if (item.type === 'checkbox') item.checked = !(item.checked ?? false);
    item.click(item, null, {});
  }

  /** Helper: a menu item by its label. */
  item(label: string): FakeMenuItem | undefined {
    return this.menu?.items.find((entry) => entry.label === label);
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRectangle;
  /** The bounds less the task bar / menu bar; the bounds when not set. */
  workArea?: FakeRectangle;
  scaleFactor: number;
}

/** Electron's `screen`: the displays a test sets, and their change events. */
class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [];
  constructor() {
    super();
    this.reset();
  }
  getAllDisplays(): FakeDisplay[] {
    return this.displays.map((display) => structuredClone(display));
  }
  getPrimaryDisplay(): FakeDisplay {
    const [first] = this.displays;
    if (first === undefined) throw new Error('No display');
    return structuredClone(first);
  }
  /** Where the mouse pointer is (a test moves it). Electron: not supported on Wayland. */
  cursor = { x: 0, y: 0 };
  getCursorScreenPoint(): { x: number; y: number } {
    return { ...this.cursor };
  }
  /** The display whose bounds hold `point`, else the one whose bounds are closest. */
  getDisplayNearestPoint(point: { x: number; y: number }): Required<FakeDisplay> {
    const distance = ({ bounds }: FakeDisplay): number => {
      const dx = Math.max(bounds.x - point.x, 0, point.x - (bounds.x + bounds.width - 1));
      const dy = Math.max(bounds.y - point.y, 0, point.y - (bounds.y + bounds.height - 1));
      return dx * dx + dy * dy;
    };
    const [nearest] = [...this.displays].sort((a, b) => distance(a) - distance(b));
    if (nearest === undefined) throw new Error('No display');
    return { ...structuredClone(nearest), workArea: structuredClone(nearest.workArea ?? nearest.bounds) };
  }
  reset(): void {
    this.removeAllListeners();
    this.cursor = { x: 0, y: 0 };
    this.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 640, height: 360 }, scaleFactor: 1 }];
  }
}

class FakePowerMonitor extends EventEmitter {
  reset(): void {
    this.removeAllListeners();
  }
}

const ACCELERATOR_MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

/** Electron's `globalShortcut`: a test marks accelerators as taken by another app and presses them. */
class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another application owns: `register` returns false for them. */
  readonly takenByOthers = new Set<string>();
  /** Every `register` call, in order, and what it answered. */
  readonly calls: { accelerator: string; registered: boolean }[] = [];

  register(accelerator: string, callback: () => void): boolean {
    if (!app.isReady()) throw new Error('globalShortcut cannot be used before the app is ready');
    const tokens = accelerator.split('+');
    const keys = tokens.filter((token) => !ACCELERATOR_MODIFIERS.has(token.toLowerCase()));
    // Like Electron's argument conversion: an accelerator it cannot parse throws.
    if (tokens.some((token) => token === '') || keys.length !== 1)
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    const registered = !this.takenByOthers.has(accelerator) && !this.registered.has(accelerator);
    this.calls.push({ accelerator, registered });
    if (registered) this.registered.set(accelerator, callback);
    return registered;
  }

  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }

  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }

  unregisterAll(): void {
    this.registered.clear();
  }

  /** Helper: the person presses `accelerator` anywhere on the desktop. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (callback === undefined) throw new Error(`Nothing is registered for ${accelerator}`);
    callback();
  }

  reset(): void {
    this.registered.clear();
    this.takenByOthers.clear();
    this.calls.length = 0;
  }
}

/** Electron's `ClipboardItem`: MIME type (or custom format) → payload. */
export class FakeClipboardItem {
  readonly types: string[];
  constructor(readonly items: Record<string, string | Blob | { title: string; url: string }>) {
    this.types = Object.keys(items);
  }

  /** Like Electron: a Blob for a MIME type (text as a Blob too), rejecting a type the item lacks. */
  getType(type: string): Promise<Blob | { title: string; url: string }> {
    const value = this.items[type];
    if (value === undefined) return Promise.reject(new Error(`NotFoundError: the item has no ${type}`));
    return Promise.resolve(typeof value === 'string' ? new Blob([value], { type }) : value);
  }
}

/** Electron 45's clipboard (W3C-style, async): each `write` replaces the whole clipboard at once. */
class FakeClipboard {
  /** What each `write` / `writeText` put on the clipboard: format → bytes (a string as UTF-8). */
  readonly writes: Map<string, Uint8Array>[] = [];
  /** Formats whose write the platform refuses: `write` rejects when an item carries one. */
  readonly refused = new Set<string>();

  async write(data: FakeClipboardItem[]): Promise<void> {
    const formats = new Map<string, Uint8Array>();
    for (const item of data) {
      for (const [type, value] of Object.entries(item.items)) {
        if (this.refused.has(type)) throw new Error(`Failed to write the clipboard format ${type}`);
        if (typeof value === 'string') formats.set(type, new TextEncoder().encode(value));
        else if (value instanceof Blob) formats.set(type, new Uint8Array(await value.arrayBuffer()));
        else formats.set(type, new TextEncoder().encode(JSON.stringify(value)));
      }
    }
    this.writes.push(formats);
  }

  writeText(text: string): Promise<void> {
    this.writes.push(new Map([['text/plain', new TextEncoder().encode(text)]]));
    return Promise.resolve();
  }

  /** What is on the clipboard, as one item (none when it is empty). */
  read(): Promise<FakeClipboardItem[]> {
    const formats = this.current();
    if (formats.size === 0) return Promise.resolve([]);
    const items: Record<string, Blob> = {};
    for (const [type, bytes] of formats) items[type] = new Blob([new Uint8Array(bytes)], { type });
    return Promise.resolve([new FakeClipboardItem(items)]);
  }

  /** Helper: another app copies something (format → bytes or text). */
  copyFromAnotherApp(formats: Record<string, Uint8Array | string>): void {
    this.writes.push(
      new Map(
        Object.entries(formats).map(([type, value]) => [
          type,
          typeof value === 'string' ? new TextEncoder().encode(value) : value,
        ]),
      ),
    );
  }

  /** Helper: what the clipboard holds now. */
  current(): Map<string, Uint8Array> {
    return this.writes.at(-1) ?? new Map<string, Uint8Array>();
  }

  reset(): void {
    this.writes.length = 0;
    this.refused.clear();
  }
}

export interface FakeDesktopCapturerSource {
  id: string;
  name: string;
  display_id: string;
  thumbnail: FakeNativeImage;
  appIcon: FakeNativeImage | null;
}

/** Electron's `desktopCapturer` (main process): the screens a test sets, with the thumbnails it chose. */
class FakeDesktopCapturer {
  sources: FakeDesktopCapturerSource[] = [];
  /** Every `getSources` call's options, in order. */
  readonly requests: { types: string[]; thumbnailSize?: { width: number; height: number } }[] = [];

  getSources(options: {
    types: ('screen' | 'window')[];
    thumbnailSize?: { width: number; height: number };
  }): Promise<FakeDesktopCapturerSource[]> {
    if (!app.isReady())
      return Promise.reject(new Error('desktopCapturer cannot be used before the app is ready'));
    this.requests.push(options);
    const wanted = this.sources.filter((source) =>
      options.types.includes(source.id.startsWith('screen:') ? 'screen' : 'window'),
    );
    return Promise.resolve(wanted);
  }

  /** Helper: one screen source per display, its thumbnail made from `png` (a real image). */
  screen(displayId: string, png: Uint8Array, index = this.sources.length): FakeDesktopCapturerSource {
    const source = {
      id: `screen:${String(index)}:0`,
      name: index === 0 ? 'Entire Screen' : `Screen ${String(index + 1)}`,
      display_id: displayId,
      thumbnail: new FakeNativeImage('', png),
      appIcon: null,
    };
    this.sources.push(source);
    return source;
  }

  reset(): void {
    this.sources = [];
    this.requests.length = 0;
  }
}

/** Electron's `Notification`: shown ones are kept for the test, which can click or close them. */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static readonly shown: FakeNotification[] = [];

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  constructor(readonly options: { title?: string; body?: string; icon?: unknown } = {}) {
    super();
  }

  show(): void {
    FakeNotification.shown.push(this);
    this.emit('show', new FakeEvent());
  }

  close(): void {
    this.emit('close', new FakeEvent());
  }

  /** Helper: the person clicks the notification. */
  click(): void {
    this.emit('click', new FakeEvent());
  }

  static reset(): void {
    FakeNotification.supported = true;
    FakeNotification.shown.length = 0;
  }
}

/** macOS's privacy settings as `systemPreferences` reports them. */
class FakeSystemPreferences {
  screenAccess: 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown' = 'granted';
  getMediaAccessStatus(mediaType: 'microphone' | 'camera' | 'screen'): string {
    return mediaType === 'screen' ? this.screenAccess : 'granted';
  }
  reset(): void {
    this.screenAccess = 'granted';
  }
}

export const app = new FakeApp();
export const screen = new FakeScreen();
export const powerMonitor = new FakePowerMonitor();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const safeStorage = new FakeSafeStorage();
export const protocol = new FakeProtocol();
export const session = { defaultSession: new FakeSession() };
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};
export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
  createFromBuffer: (buffer: Uint8Array) => new FakeNativeImage('', buffer),
};
export const globalShortcut = new FakeGlobalShortcut();
export const clipboard = new FakeClipboard();
export const ClipboardItem = FakeClipboardItem;
export const desktopCapturer = new FakeDesktopCapturer();
export const Notification = FakeNotification;
export const systemPreferences = new FakeSystemPreferences();
export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};
export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Menu = FakeMenu;

/**
 * electron-store over the fake `app`: the real package imports the real `electron`, which cannot load
 * here. Same option handling as electron-store 11: the file is named by `name` (default "config"),
 * which replaces conf's `configName`; `cwd` defaults to userData.
 */
export class FakeElectronStore extends Conf {
  constructor(options: ConfOptions<Record<string, unknown>> & { name?: string } = {}) {
    const { name = 'config', ...rest } = options;
    super({ ...rest, configName: name, cwd: rest.cwd ?? app.getPath('userData') });
  }
}

/** Clears what a previous test left in the singletons. */
export function resetFakeElectron(): void {
  app.reset();
  ipcMain.reset();
  ipcRenderer.reset();
  contextBridge.exposed = {};
  safeStorage.reset();
  protocol.reset();
  session.defaultSession.reset();
  shell.opened.length = 0;
  dialog.errors.length = 0;
  FakeBrowserWindow.created.length = 0;
  FakeTray.created.length = 0;
  screen.reset();
  powerMonitor.reset();
  globalShortcut.reset();
  clipboard.reset();
  desktopCapturer.reset();
  FakeNotification.reset();
  systemPreferences.reset();
}

export default {
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  protocol,
  session,
  shell,
  nativeImage,
  dialog,
  BrowserWindow,
  Tray,
  Menu,
  screen,
  powerMonitor,
  globalShortcut,
  clipboard,
  ClipboardItem,
  desktopCapturer,
  Notification,
  systemPreferences,
};
