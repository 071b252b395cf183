import { z } from 'zod';

/**
 * One shape for every image or GIF, whatever its source (ARCHITECTURE.md, "The Artwork record").
 * The CLI's `--json` prints it; the renderer shows it.
 */
export const artworkSchema = z.object({
  id: z.string(),
  source: z.enum(['nekos.best', 'nekosia']),
  kind: z.enum(['image', 'gif']),
  category: z.string(),
  url: z.string(),
  previewUrl: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  rating: z.enum(['safe', 'suggestive']),
  tags: z.array(z.string()),
  anime: z.string().nullable(),
  character: z.string().nullable(),
  artist: z.object({ name: z.string().nullable(), url: z.string().nullable() }).nullable(),
  sourceUrl: z.string().nullable(),
  colors: z.object({ main: z.string(), palette: z.array(z.string()) }).nullable(),
});

export type Artwork = z.infer<typeof artworkSchema>;
export type ArtworkSource = Artwork['source'];
