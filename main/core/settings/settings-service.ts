import { NekodeskError } from '../errors';
import type { SettingsBackend } from './settings-file';
import { settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from './settings-schema';

export type SettingsListener = (settings: Settings) => void;

/** Typed reads and validated writes over the settings file; the one place settings change. */
export class SettingsService {
  readonly #backend: SettingsBackend;
  #current: Settings;
  readonly #listeners = new Set<SettingsListener>();

  constructor(backend: SettingsBackend, initial: Settings) {
    this.#backend = backend;
    this.#current = initial;
  }

  get(): Settings {
    return structuredClone(this.#current);
  }

  /** Applies a partial change; an invalid patch is refused whole with `invalid_input`. */
  update(patch: SettingsPatch): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? 'settings';
      throw new NekodeskError(
        'invalid_input',
        `Invalid setting ${where}: ${issue?.message ?? 'not allowed'}.`,
      );
    }
    const { services, wallpaper, picker, identify, ...rest } = parsed.data;
    const next = settingsSchema.parse({
      ...this.#current,
      ...rest,
      services: { ...this.#current.services, ...services },
      wallpaper: { ...this.#current.wallpaper, ...wallpaper },
      picker: { ...this.#current.picker, ...picker },
      identify: { ...this.#current.identify, ...identify },
    });
    this.#backend.store = { ...next };
    this.#current = next;
    for (const listener of this.#listeners) listener(this.get());
    return this.get();
  }

  onChange(listener: SettingsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
