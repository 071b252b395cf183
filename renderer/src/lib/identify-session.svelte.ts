import type { ErrorPayload, NekodeskApi, Result } from './api';
import { isWebUrl } from './identify-format';
import { labelFor, readImageBytes, refuseImageFile } from './identify-input';
import type { IdentifyImageSource, IdentifyResult, IdentifySource } from './identify-types';
import { IdentifyViewMemory } from './identify-view-memory.svelte';

export type IdentifyState =
  | { status: 'idle' }
  | { status: 'working'; label: string; source: IdentifySource }
  | { status: 'done'; result: IdentifyResult }
  | { status: 'failed'; error: ErrorPayload; label: string };

/** One identification request, kept so Retry can send it again. */
interface Attempt {
  label: string;
  source: IdentifySource;
  send: () => Promise<Result<IdentifyResult | null>>;
}

/**
 * The Identify view's current identification: idle, working, done (the result) or failed (the error), whatever
 * the input was. A newer request wins over one still in flight, and a result pushed by main (tray, hotkey)
 * replaces whatever is shown. Files are checked here first (image, ≤ 25 MB), so a refusal costs no request.
 */
export class IdentifySession {
  state: IdentifyState = $state.raw({ status: 'idle' });
  /** What the view's tabs showed, kept as long as this session (the app's run), not the view. */
  readonly memory = new IdentifyViewMemory();
  readonly #api: () => NekodeskApi;
  #run = 0;
  #last: Attempt | null = null;

  /** `api` is read at each call (a component's props may be swapped). */
  constructor(api: () => NekodeskApi) {
    this.#api = api;
  }

  get busy(): boolean {
    return this.state.status === 'working';
  }

  /** A dropped, picked or pasted file. */
  async identifyFile(file: File, source: IdentifyImageSource): Promise<void> {
    const fallback = source === 'paste' ? 'Pasted image' : 'Image';
    const label = labelFor(file.name, fallback);
    const refusal = refuseImageFile(file);
    if (refusal !== null) {
      this.#refuse(label, refusal);
      return;
    }
    await this.#start({
      label,
      source,
      send: async () => {
        const data = await readImageBytes(file);
        return this.#api().identify.image({ data, name: label, source });
      },
    });
  }

  async identifyUrl(text: string): Promise<void> {
    const url = text.trim();
    if (!isWebUrl(url)) {
      this.#refuse(url, 'Enter the address of an image, starting with http:// or https://.');
      return;
    }
    await this.#start({ label: url, source: 'url', send: () => this.#api().identify.url({ url }) });
  }

  async identifyClipboard(): Promise<void> {
    await this.#start({
      label: 'Clipboard image',
      source: 'clipboard',
      send: () => this.#api().identify.clipboard(),
    });
  }

  /** A screen region; the person may cancel, which leaves what was shown before. */
  async capture(): Promise<void> {
    await this.#start({
      label: 'Screen region',
      source: 'capture',
      send: () => this.#api().identify.capture(),
    });
  }

  /** A result from elsewhere (main's `identify:result`, or a history entry). */
  show(result: IdentifyResult): void {
    this.#run++;
    this.state = { status: 'done', result };
  }

  async retry(): Promise<void> {
    if (this.#last !== null) await this.#start(this.#last);
  }

  /** Back to the inputs alone. */
  clear(): void {
    this.#run++;
    this.state = { status: 'idle' };
  }

  #refuse(label: string, message: string): void {
    this.#run++;
    this.#last = null;
    this.state = { status: 'failed', label, error: { code: 'invalid_input', message } };
  }

  async #start(attempt: Attempt): Promise<void> {
    const run = ++this.#run;
    const before = this.state;
    this.#last = attempt;
    this.state = { status: 'working', label: attempt.label, source: attempt.source };
    let result: Result<IdentifyResult | null>;
    try {
      result = await attempt.send();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The call to Nekodesk failed.';
      result = { ok: false, error: { code: 'internal', message } };
    }
    if (run !== this.#run) return;
    if (!result.ok) {
      this.state = { status: 'failed', label: attempt.label, error: result.error };
    } else if (result.data === null) {
      this.state = before.status === 'working' ? { status: 'idle' } : before; // capture cancelled
    } else {
      this.state = { status: 'done', result: result.data };
    }
  }
}
