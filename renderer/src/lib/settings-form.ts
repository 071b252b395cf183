import type { CopyMode, Settings, SettingsPatch } from './api';

/** The settings the form edits, flat, as the form holds them. (The hotkeys are saved at once: see HotkeyControl.) */
export interface SettingsForm {
  nekosBestUrl: string;
  nekosiaUrl: string;
  whatanimeUrl: string;
  launchAtLogin: boolean;
  copyMode: CopyMode;
  alternateCopyMode: CopyMode;
  showImageCategories: boolean;
  showAdult: boolean;
  keepHistory: boolean;
}

export type ServiceField = 'nekosBestUrl' | 'nekosiaUrl' | 'whatanimeUrl';
export const SERVICE_FIELDS: readonly ServiceField[] = ['nekosBestUrl', 'nekosiaUrl', 'whatanimeUrl'];

type PickerSettings = Settings['picker'];
type IdentifySettings = Settings['identify'];
const PICKER_FIELDS = ['copyMode', 'alternateCopyMode', 'showImageCategories'] as const;
const IDENTIFY_FIELDS = ['showAdult', 'keepHistory'] as const;

export type FieldErrors = Partial<Record<ServiceField, string>>;

/** How each copy mode reads in the settings, and what it puts on the clipboard (one line each). */
export const COPY_MODE_TEXT: Readonly<Record<CopyMode, { label: string; pastes: string }>> = {
  file: {
    label: 'File',
    pastes: 'The GIF file itself: pastes animated in most chat apps and file managers.',
  },
  link: { label: 'Link', pastes: "The GIF's web address: chat apps that preview links show it animated." },
  image: { label: 'Image', pastes: 'A still picture (the first frame): for apps that only take images.' },
  markdown: { label: 'Markdown', pastes: 'A Markdown image, ![anime](address): for notes, issues and docs.' },
};
export const COPY_MODE_ORDER = Object.keys(COPY_MODE_TEXT) as CopyMode[];

export function toForm(settings: Settings): SettingsForm {
  return {
    ...settings.services,
    launchAtLogin: settings.launchAtLogin,
    copyMode: settings.picker.copyMode,
    alternateCopyMode: settings.picker.alternateCopyMode,
    showImageCategories: settings.picker.showImageCategories,
    showAdult: settings.identify.showAdult,
    keepHistory: settings.identify.keepHistory,
  };
}

/**
 * Quick checks for inline feedback before anything is sent; main validates again and has the last word
 * (its message is shown too when it refuses).
 */
export function validateForm(form: SettingsForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of SERVICE_FIELDS) {
    const value = form[field].trim();
    if (value === '') errors[field] = 'Enter the service address.';
    else if (!isWebUrl(value)) errors[field] = 'Enter an http:// or https:// address.';
  }
  return errors;
}

/** Only what changed, so a save never overwrites a setting changed elsewhere meanwhile. */
export function toPatch(form: SettingsForm, saved: Settings): SettingsPatch {
  const services: Partial<Record<ServiceField, string>> = {};
  for (const field of SERVICE_FIELDS) {
    const value = form[field].trim();
    if (value !== saved.services[field]) services[field] = value;
  }
  const patch: SettingsPatch = {};
  if (Object.keys(services).length > 0) patch.services = services;
  if (form.launchAtLogin !== saved.launchAtLogin) patch.launchAtLogin = form.launchAtLogin;
  const picker = changed<PickerSettings, (typeof PICKER_FIELDS)[number]>(PICKER_FIELDS, form, saved.picker);
  if (picker) patch.picker = picker;
  const identify = changed<IdentifySettings, (typeof IDENTIFY_FIELDS)[number]>(
    IDENTIFY_FIELDS,
    form,
    saved.identify,
  );
  if (identify) patch.identify = identify;
  return patch;
}

export function isDirty(form: SettingsForm, saved: Settings): boolean {
  return Object.keys(toPatch(form, saved)).length > 0;
}

/** The `keys` whose value in `form` differs from `saved`; null when none does. */
function changed<S, K extends keyof S>(
  keys: readonly K[],
  form: Pick<S, K>,
  saved: S,
): Partial<Pick<S, K>> | null {
  const out: Partial<Pick<S, K>> = {};
  for (const key of keys) if (form[key] !== saved[key]) out[key] = form[key];
  return Object.keys(out).length > 0 ? out : null;
}

function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
