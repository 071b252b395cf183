import { z } from 'zod';

/** Nekosia's rule for session ids: 4 to 128 characters, none of `!@#$%^&*()_+{}|:"<>?`. */
export const NEKOSIA_SESSION_ID = /^[^!@#$%^&*()_+{}|:"<>?]{4,128}$/;

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an http(s) URL',
  })
  .transform((value) => value.replace(/\/+$/, ''));

export const servicesSchema = z.object({
  /** Full base including /api/v2. */
  nekosBestUrl: httpUrl.default('https://nekos.best/api/v2'),
  /** Full base including /api/v1. */
  nekosiaUrl: httpUrl.default('https://api.nekosia.cat/api/v1'),
  /** The site's origin. */
  whatanimeUrl: httpUrl.default('https://whatanimeisthis.com'),
});

/**
 * Every setting, with its default. Later features add their own sections here; a section that fails to
 * parse is reset alone (see settings-file.ts), so one bad value never costs the user the others.
 */
export const settingsShape = {
  services: servicesSchema.prefault({}),
  launchAtLogin: z.boolean().default(false),
  /** A random id for this installation: Nekosia's per-user session, so wallpapers do not repeat. */
  installationId: z.string().regex(NEKOSIA_SESSION_ID).optional(),
} as const;

export const settingsSchema = z.object(settingsShape);

export type Settings = z.output<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

/** What callers may change: any subset of sections, each section partially. */
export const settingsPatchSchema = z
  .object({
    services: z
      .object({ nekosBestUrl: httpUrl, nekosiaUrl: httpUrl, whatanimeUrl: httpUrl })
      .partial()
      .strict()
      .optional(),
    launchAtLogin: z.boolean().optional(),
  })
  .strict();

export type SettingsPatch = z.input<typeof settingsPatchSchema>;
