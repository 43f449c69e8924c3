import type { FieldErrors } from '@tadamon/shared';

interface IssueLike {
  path: PropertyKey[];
  code: string;
  message: string;
  keys?: string[];
}

/**
 * Zod issues → `{ "<dotted.path>": [{code, message}] }`. Unknown keys are reported on
 * the key itself, so a client sees exactly which field was not expected.
 */
export function toFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: string, code: string, message: string) => {
    (fields[path || '_'] ??= []).push({ code, message });
  };
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'unknown_field', 'Unknown field.');
    } else {
      add(base, issue.code, issue.message);
    }
  }
  return fields;
}
