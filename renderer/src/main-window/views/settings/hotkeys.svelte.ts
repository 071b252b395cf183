import type { HotkeyStatuses } from '../../../../../preload/contract';
import type { ErrorPayload, NekodeskApi, Settings } from '../../../lib/api';

export type { HotkeyStatuses };
export type HotkeyName = 'picker' | 'identify';

/**
 * The settings page's global hotkeys: their states from main (`app:hotkeys`: registered, taken, invalid,
 * Wayland) and saving a new one. A hotkey is saved the moment it is recorded, not with the form: whether the
 * keys are free is only known once main tries to register them, and the person should see that at once.
 */
export class HotkeyControl {
  statuses: HotkeyStatuses | null = $state.raw(null);
  statusError: ErrorPayload | null = $state.raw(null);
  /** `app:info`'s platform, for the key names (Cmd or Ctrl); empty until known. */
  platform = $state('');
  /** Main's refusal of the last save, per hotkey. */
  errors: Partial<Record<HotkeyName, string>> = $state({});
  saving: HotkeyName | null = $state(null);
  readonly #api: () => NekodeskApi;
  readonly #onsaved: (settings: Settings) => void;
  #run = 0;

  /** `api` is asked at each call (a component's prop may change). */
  constructor(api: () => NekodeskApi, onsaved: (settings: Settings) => void) {
    this.#api = api;
    this.#onsaved = onsaved;
  }

  /** Reads the platform (once) and the hotkeys' states. */
  async load(): Promise<void> {
    if (this.platform === '') {
      const info = await this.#api().app.info();
      if (info.ok) this.platform = info.data.platform;
    }
    await this.refresh();
  }

  /** Asks main for the hotkeys' states again; an older answer never replaces a newer one. */
  async refresh(): Promise<void> {
    const run = ++this.#run;
    const result = await this.#api().app.hotkeys();
    if (run !== this.#run) return;
    if (result.ok) {
      this.statuses = result.data;
      this.statusError = null;
    } else {
      this.statusError = result.error;
    }
  }

  /** Saves one hotkey (null = off), then shows whether main could register it. */
  async save(name: HotkeyName, accelerator: string | null): Promise<void> {
    this.saving = name;
    this.errors = { ...this.errors, [name]: undefined };
    const change = { hotkey: accelerator };
    const result = await this.#api().settings.update(
      name === 'picker' ? { picker: change } : { identify: change },
    );
    this.saving = null;
    if (!result.ok) {
      this.errors = { ...this.errors, [name]: result.error.message };
      return;
    }
    this.#onsaved(result.data);
    await this.refresh();
  }
}
