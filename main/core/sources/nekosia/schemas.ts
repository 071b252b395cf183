import { z } from 'zod';

export const NEKOSIA_RATINGS = ['safe', 'suggestive'] as const;
export type NekosiaRating = (typeof NEKOSIA_RATINGS)[number];

/**
 * Every answer of `/images/:category` and `/getImageById/:id`. With one image, its fields sit at the top level;
 * with more, they are in `images`. `count` is how many images matched, not how many came back.
 */
export const envelopeSchema = z.looseObject({
  success: z.boolean().optional(),
  count: z.number().optional(),
  key: z.string().nullish(),
  images: z.array(z.unknown()).optional(),
  message: z.string().optional(),
});

/** One image. Only the id and the original's URL are required; everything else is untrusted metadata. */
export const imageSchema = z.looseObject({
  id: z.string(),
  image: z.looseObject({
    original: z.looseObject({ url: z.string(), extension: z.unknown().optional() }),
    compressed: z.looseObject({ url: z.unknown() }).optional().catch(undefined),
  }),
  metadata: z.unknown().optional(),
  category: z.unknown().optional(),
  tags: z.unknown().optional(),
  rating: z.unknown().optional(),
  anime: z.unknown().optional(),
  source: z.unknown().optional(),
  attribution: z.unknown().optional(),
  colors: z.unknown().optional(),
});

export type NekosiaImageItem = z.output<typeof imageSchema>;

export const sizeSchema = z.looseObject({
  original: z.looseObject({ width: z.unknown().optional(), height: z.unknown().optional() }),
});
export const animeSchema = z.looseObject({
  title: z.unknown().optional(),
  character: z.unknown().optional(),
});
export const sourceSchema = z.looseObject({ url: z.unknown().optional() });
export const attributionSchema = z.looseObject({
  artist: z.looseObject({ username: z.unknown().optional(), profile: z.unknown().optional() }).optional(),
});
export const colorsSchema = z.looseObject({ main: z.unknown(), palette: z.unknown().optional() });

/** `/tags`: the document shows no body; the lists are read tolerantly (see client.ts). */
export const tagsSchema = z.looseObject({
  tags: z.array(z.unknown()).optional(),
  anime: z.array(z.unknown()).optional(),
  characters: z.array(z.unknown()).optional(),
});
