import { NEKOSIA_SESSION_ID } from '../../settings/settings-schema';
import { intInRange, invalidInput } from '../shared/validate';
import { NEKOSIA_RATINGS, type NekosiaRating } from './schemas';

export type NekosiaSession = 'ip' | 'id';

export interface NekosiaImagesParams {
  /** 1–20; default 1. */
  count?: number;
  /** Images must have at least one of these (required with the `nothing` category). */
  additionalTags?: readonly string[];
  /** Images with any of these are left out. */
  blacklistedTags?: readonly string[];
  /** Default `safe`. */
  rating?: NekosiaRating;
  /** Remember what was shown (by IP address, or by `id`) so images do not repeat. */
  session?: NekosiaSession;
  /** The session id for `session: 'id'`: 4–128 characters, none of `!@#$%^&*()_+{}|:"<>?`. */
  id?: string;
}

export const NEKOSIA_MAX_COUNT = 20;
const MAX_TAGS = 20;
const CATEGORY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.'-]{0,63}$/u;

/** Checks every parameter locally and returns the query string to send; throws `invalid_input` first. */
export function imagesQuery(
  category: string,
  params: NekosiaImagesParams,
  defaultSessionId: string | undefined,
): { category: string; rating: NekosiaRating; query: URLSearchParams } {
  const name = checkCategory(category);
  const count = intInRange('count', params.count ?? 1, 1, NEKOSIA_MAX_COUNT);
  const additional = checkTags('additional tags', params.additionalTags ?? []);
  const blacklisted = checkTags('blacklisted tags', params.blacklistedTags ?? []);
  const both = additional.filter((tag) => blacklisted.includes(tag));
  if (both.length > 0) throw invalidInput(`A tag cannot be both wanted and blacklisted: ${both.join(', ')}.`);
  if (name === 'nothing' && additional.length === 0) {
    throw invalidInput(
      'The "nothing" category has no safety filter and needs at least one additional tag (for example cat-ears).',
    );
  }
  const rating = params.rating ?? 'safe';
  if (!NEKOSIA_RATINGS.includes(rating)) throw invalidInput('The rating must be "safe" or "suggestive".');

  const query = new URLSearchParams();
  if (count !== 1) query.set('count', String(count));
  if (additional.length > 0) query.set('additionalTags', additional.join(','));
  if (blacklisted.length > 0) query.set('blacklistedTags', blacklisted.join(','));
  query.set('rating', rating);
  const session: string | undefined = params.session;
  if (session !== undefined && session !== 'ip' && session !== 'id') {
    throw invalidInput('The session must be "ip" or "id".');
  }
  if (session === 'ip') {
    if (params.id !== undefined) throw invalidInput('A session id is only used with the "id" session.');
    query.set('session', 'ip');
  } else if (session === 'id') {
    query.set('session', 'id');
    query.set('id', checkSessionId(params.id ?? defaultSessionId));
  } else if (params.id !== undefined) {
    throw invalidInput('A session id needs the "id" session.');
  }
  return { category: name, rating, query };
}

export function checkCategory(category: string): string {
  const name = category.trim().toLowerCase();
  if (!CATEGORY_PATTERN.test(name)) {
    throw invalidInput(
      `"${category}" is not a Nekosia category (lower-case words joined by "-", like catgirl).`,
    );
  }
  return name;
}

function checkTags(what: string, tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    if (tag === '') continue;
    if (!TAG_PATTERN.test(tag)) throw invalidInput(`"${raw}" is not a valid tag (letters, digits and "-").`);
    out.add(tag);
  }
  if (out.size > MAX_TAGS) throw invalidInput(`Too many ${what} (at most ${MAX_TAGS}).`);
  return [...out];
}

function checkSessionId(id: string | undefined): string {
  if (id === undefined) throw invalidInput('The "id" session needs a session id.');
  if (!NEKOSIA_SESSION_ID.test(id)) {
    throw invalidInput(
      'The session id must be 4 to 128 characters long, without any of these: !@#$%^&*()_+{}|:"<>?',
    );
  }
  return id;
}
