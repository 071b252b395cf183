import type { Settings, SettingsPatch } from './api';

/** The editable settings, flat, as the form holds them. */
export interface SettingsForm {
  nekosBestUrl: string;
  nekosiaUrl: string;
  whatanimeUrl: string;
  launchAtLogin: boolean;
}

export type ServiceField = 'nekosBestUrl' | 'nekosiaUrl' | 'whatanimeUrl';
export const SERVICE_FIELDS: readonly ServiceField[] = ['nekosBestUrl', 'nekosiaUrl', 'whatanimeUrl'];

export type FieldErrors = Partial<Record<ServiceField, string>>;

export function toForm(settings: Settings): SettingsForm {
  return { ...settings.services, launchAtLogin: settings.launchAtLogin };
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
  return patch;
}

export function isDirty(form: SettingsForm, saved: Settings): boolean {
  return Object.keys(toPatch(form, saved)).length > 0;
}

function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
