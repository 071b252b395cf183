import type { z } from 'zod';
import { NekodeskError } from '../errors';

type Issue = z.core.$ZodIssue;

/** `["results", 0, "url"]` → `results[0].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || 'the top level';
}

/** One issue as a short sentence: `results[0].url: expected string, received undefined`. */
export function describeIssue(issue: Issue): string {
  const message = issue.message.replace(/^Invalid input:\s*/i, '');
  return `${formatPath(issue.path)}: ${message}`;
}

function isJsonType(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** Checks the content type, parses and validates. Every failure is `invalid_response` with a readable message. */
export function parseJsonBody<S extends z.ZodType>(
  body: Uint8Array,
  contentType: string | null,
  schema: S,
  service: string,
): z.output<S> {
  if (!isJsonType(contentType)) {
    const what = contentType ? `"${contentType.split(';')[0]?.trim() ?? contentType}"` : 'no content type';
    throw new NekodeskError('invalid_response', `${service} sent ${what} where JSON was expected.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new NekodeskError('invalid_response', `${service} sent a response that is not valid JSON.`, {
      cause: error,
    });
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  const detail = first ? `${describeIssue(first)}${more}` : 'unknown problem';
  throw new NekodeskError(
    'invalid_response',
    `${service} sent data Nekodesk does not understand: ${detail}.`,
    {
      cause: result.error,
    },
  );
}
