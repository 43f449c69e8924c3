import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { ERROR_CODES } from '../error-codes.js';

export const uuidSchema = z.uuid();

/**
 * U+0000 and unpaired UTF-16 surrogates: no text anyone means to store, and PostgreSQL text
 * cannot hold them (it answers "invalid byte sequence"). The API refuses them in every
 * parameter, query and JSON body before a route runs (common/http/storable-input.ts).
 */
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const hasUnstorableText = (text: string): boolean => UNSTORABLE_TEXT.test(text);
/** The field-error code of such text in `details.fields`. */
export const UNSTORABLE_TEXT_CODE = 'invalid_text';

/** PostgreSQL `integer` (int4): a number past it never reaches the database. */
export const INT4_MAX = 2_147_483_647;

export const languageSchema = z.enum(LANGUAGES);

/** E-mail addresses are compared case-insensitively; we store them lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

/** IANA time-zone name, checked against the runtime's own zone database. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknownTimeZone');

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** Length rules only; the API also refuses the most common passwords. */
export const newPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const personNameSchema = z.string().trim().min(1).max(120);

export const cursorPageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const errorResponseSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Field errors in `details.fields`: one entry per offending field, keyed by dotted path. */
export type FieldErrors = Record<string, { code: string; message: string }[]>;

/** A background job that used up its attempts; payloads are never exposed. */
export const failedJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  failedAt: z.string(),
});
export const failedJobListSchema = z.object({ items: z.array(failedJobSchema) });
