import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * Opaque cursors for keyset pagination: base64url of the last row's sort key and id.
 * Clients must treat them as tokens; we keep the right to change what is inside. A cursor
 * that does not decode answers 400 on the `cursor` field, never 500.
 */
const cursorPayload = z.array(z.string().max(400)).min(1).max(4);

export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Decodes a cursor that must hold exactly `length` parts. */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const parts = cursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parts.length === length) return parts;
  } catch {
    // fall through to the one error answer below
  }
  throw invalidCursor();
}

export const invalidCursor = () =>
  new AppError('VALIDATION_FAILED', 'The request is not valid.', {
    fields: { cursor: [{ code: 'invalid_cursor', message: 'This cursor is not valid; start again from the first page.' }] },
  });

/**
 * Cuts a page out of `limit + 1` fetched rows: the extra row only tells us that another
 * page exists, so the cursor points at the last row actually returned.
 */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => string[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(keyOf(last)) : null;
  return { items, nextCursor };
}
