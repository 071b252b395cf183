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

const weight = z.number().min(0).max(100);

/** Where rotation takes wallpapers from; each source is drawn in proportion to its weight. */
export const wallpaperSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('nekosia'),
    category: z.string().trim().min(1).max(64),
    tags: z.array(z.string().trim().min(1).max(64)).max(20),
    weight,
  }),
  z.object({ kind: z.literal('nekos.best'), category: z.string().trim().min(1).max(64), weight }),
  z.object({ kind: z.literal('favorites'), weight }),
]);
export type WallpaperSource = z.output<typeof wallpaperSourceSchema>;

export const FIT_MODES = ['auto', 'fill', 'fit-blur', 'fit-color', 'center'] as const;

/** A monitor's place on the virtual desktop, in pixels (for the CLI where xrandr is not available). */
export const monitorSchema = z.object({
  id: z.string().min(1).max(64),
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(16384),
  height: z.number().int().min(1).max(16384),
});

const wallpaperFields = {
  sources: z.array(wallpaperSourceSchema).max(32),
  /** Nekosia tags never to show. */
  blacklist: z.array(z.string().trim().min(1).max(64)).max(100),
  rating: z.enum(['safe', 'suggestive']),
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** `auto`: fill when the artwork's orientation matches the monitor's, else fit over a blurred copy. */
  fitMode: z.enum(FIT_MODES),
  paused: z.boolean(),
  changeOnStart: z.boolean(),
  /** Run this instead of the built-in setter; `{file}` is replaced by the composed image's path. */
  customCommand: z.string().trim().max(1000).nullable(),
  /** Monitor layout to use when the system cannot tell (no xrandr); null = detect. */
  monitors: z.array(monitorSchema).min(1).max(16).nullable(),
  cacheLimitMb: z.number().int().min(100).max(100_000),
  historyLimit: z.number().int().min(10).max(10_000),
};

export const wallpaperSettingsSchema = z.object({
  sources: wallpaperFields.sources.default([
    { kind: 'nekosia', category: 'catgirl', tags: [], weight: 2 },
    { kind: 'nekos.best', category: 'neko', weight: 1 },
  ]),
  blacklist: wallpaperFields.blacklist.default([]),
  rating: wallpaperFields.rating.default('safe'),
  intervalMinutes: wallpaperFields.intervalMinutes.default(30),
  fitMode: wallpaperFields.fitMode.default('auto'),
  paused: wallpaperFields.paused.default(false),
  changeOnStart: wallpaperFields.changeOnStart.default(true),
  customCommand: wallpaperFields.customCommand.default(null),
  monitors: wallpaperFields.monitors.default(null),
  cacheLimitMb: wallpaperFields.cacheLimitMb.default(1024),
  historyLimit: wallpaperFields.historyLimit.default(500),
});
export type WallpaperSettings = z.output<typeof wallpaperSettingsSchema>;

export const COPY_MODES = ['file', 'link', 'image', 'markdown'] as const;
export type CopyMode = (typeof COPY_MODES)[number];

const pickerFields = {
  /** An Electron accelerator, e.g. `CommandOrControl+Shift+Space`; null = no global hotkey. */
  hotkey: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9+]+$/, 'must be keys joined by +, like CommandOrControl+Shift+Space')
    .nullable(),
  /** Enter copies this way; Shift+Enter the alternate way. */
  copyMode: z.enum(COPY_MODES),
  alternateCopyMode: z.enum(COPY_MODES),
  /** Show the still-image categories (neko, waifu, …) next to the GIF ones. */
  showImageCategories: z.boolean(),
};

export const pickerSettingsSchema = z.object({
  hotkey: pickerFields.hotkey.default('CommandOrControl+Shift+Space'),
  copyMode: pickerFields.copyMode.default('file'),
  alternateCopyMode: pickerFields.alternateCopyMode.default('link'),
  showImageCategories: pickerFields.showImageCategories.default(false),
});
export type PickerSettings = z.output<typeof pickerSettingsSchema>;

const identifyFields = {
  /** A global hotkey that identifies the clipboard's image; null (the default) = none. */
  hotkey: pickerFields.hotkey,
  /** Show adult entries in the rankings and adult candidates' previews. */
  showAdult: z.boolean(),
  /** Keep a local history of identifications. */
  keepHistory: z.boolean(),
};

export const identifySettingsSchema = z.object({
  hotkey: identifyFields.hotkey.default(null),
  showAdult: identifyFields.showAdult.default(false),
  keepHistory: identifyFields.keepHistory.default(true),
});
export type IdentifySettings = z.output<typeof identifySettingsSchema>;

/**
 * Every setting, with its default. Later features add their own sections here; a section that fails to
 * parse is reset alone (see settings-file.ts), so one bad value never costs the user the others.
 */
export const settingsShape = {
  services: servicesSchema.prefault({}),
  launchAtLogin: z.boolean().default(false),
  wallpaper: wallpaperSettingsSchema.prefault({}),
  picker: pickerSettingsSchema.prefault({}),
  identify: identifySettingsSchema.prefault({}),
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
    wallpaper: z.object(wallpaperFields).partial().strict().optional(),
    picker: z.object(pickerFields).partial().strict().optional(),
    identify: z.object(identifyFields).partial().strict().optional(),
  })
  .strict();

export type SettingsPatch = z.input<typeof settingsPatchSchema>;
