import { z } from 'zod';
import {
  RecoverableJsonFile,
  type RecoverableJsonFileFormat,
  type RecoverableJsonFileOptions,
} from '../library/recoverable-json-file';

export const ACCOUNT_FILE_NAME = 'identify-account.json';

/** The last quota the service reported, for whom, and on which UTC day (a guest's allowance is daily). */
const quotaSchema = z.object({
  remaining: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  who: z.enum(['guest', 'api-key', 'session']),
});

/** The account's details that are not secret (the key and the session cookie live in the secret store). */
const accountSchema = z.object({
  version: z.literal(1),
  email: z.string().max(254).nullable(),
  quota: quotaSchema.nullable(),
});

export type StoredQuota = z.infer<typeof quotaSchema>;
export type AccountData = z.infer<typeof accountSchema>;

const accountFormat = (fileName: string): RecoverableJsonFileFormat<AccountData> => ({
  fileName,
  parse: (raw) => {
    const parsed = accountSchema.safeParse(raw);
    return parsed.success ? { data: parsed.data, dropped: 0 } : null;
  },
  serialize: (data) => JSON.stringify(data),
  empty: () => ({ version: 1, email: null, quota: null }),
  wording: {
    subject: 'Your whatanimeisthis.com account details',
    contents: 'your whatanimeisthis.com account details',
    startedEmpty: 'they were reset (your key and sign-in are kept)',
  },
  cache: true,
});

/** `identify-account.json` in the data folder: the signed-in email and the last known quota. */
export class AccountFile extends RecoverableJsonFile<AccountData> {
  constructor(dir: string, options: RecoverableJsonFileOptions = {}, fileName = ACCOUNT_FILE_NAME) {
    super(dir, accountFormat(fileName), options);
  }
}
