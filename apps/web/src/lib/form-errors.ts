import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/*
 * Field messages without react-hook-form or zod at run time (types only), so that the sign-in
 * form, the first thing a volunteer on a slow phone downloads, can use them without either.
 */

/**
 * Zod's built-in messages are English sentences. We turn each issue into a translation key
 * plus values, carried in the message as JSON, and translate it where the field is shown.
 */
function message(key: string, values?: Record<string, unknown>): string {
  return JSON.stringify({ key, values });
}

export type Issue = {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  input?: unknown;
};

export function zodIssueToMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? message('required') : message('tooShort', { count: Number(issue.minimum) });
      }
      return message('tooSmall', { count: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? message('tooLong', { count: Number(issue.maximum) })
        : message('tooBig', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return message('email');
      if (issue.format === 'url') return message('url');
      return message('invalidFormat');
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? message('required') : message('invalid');
    case 'invalid_value':
      return message('invalidChoice');
    default:
      return message('invalid');
  }
}

/** Zod codes the API may send in details.fields, mapped to our validation keys. */
const SERVER_CODES: Record<string, string> = {
  too_small: 'lengthOutOfRange',
  too_big: 'lengthOutOfRange',
  invalid_format: 'invalidFormat',
  invalid_type: 'invalid',
  invalid_value: 'invalidChoice',
  custom: 'invalid',
};

/** Translates a field error message written by `zodIssueToMessage`, a refine key, or a server text. */
export function translateFieldError(t: TFunction, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { key?: string; values?: Record<string, unknown> };
    if (parsed && typeof parsed.key === 'string') return t(`validation:${parsed.key}`, parsed.values ?? {});
  } catch {
    // not one of ours
  }
  if (/^[A-Z_]+$/.test(raw) && t(`errors:${raw}`, { defaultValue: '' })) return t(`errors:${raw}`);
  if (/^[a-zA-Z]+$/.test(raw) && t(`validation:${raw}`, { defaultValue: '' })) return t(`validation:${raw}`);
  return raw;
}

/**
 * Puts the API's field errors (`details.fields`) and field-shaped error codes on the form.
 * Returns true when at least one field got an error, so the caller shows no generic alert.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  options: { fields: readonly Path<T>[]; codes?: Partial<Record<string, Path<T>>> },
): boolean {
  if (!isApiError(error)) return false;
  const field = options.codes?.[error.code];
  if (field) {
    setError(field, { type: 'server', message: error.code }, { shouldFocus: true });
    return true;
  }
  let applied = false;
  for (const [path, issues] of Object.entries(error.fields)) {
    const issue = issues[0];
    if (!issue || !options.fields.includes(path as Path<T>)) continue;
    const key = SERVER_CODES[issue.code];
    const text = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : key ? message(key, {}) : issue.message;
    setError(path as Path<T>, { type: 'server', message: text }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}
