import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor, pageFrom } from './page-cursor.js';

describe('page cursors', () => {
  it('round-trips the sort key, including non-Latin text', () => {
    const key = ['MA', 'جمعية', '0b7e1d3a-6a0e-4d59-9d6a-4f1b7c2d9e10'];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
  });

  it('answers a validation error on the cursor field for garbage or the wrong shape', () => {
    for (const bad of ['%%%', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url')]) {
      try {
        decodeCursor(bad, 3);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('VALIDATION_FAILED');
        expect((error as AppError).details).toMatchObject({ fields: { cursor: [{ code: 'invalid_cursor' }] } });
      }
    }
  });

  it('offers a next page only when an extra row was fetched', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    expect(pageFrom(rows, 3, (r) => [String(r.n)]).nextCursor).toBeNull();
    const page = pageFrom(rows, 2, (r) => [String(r.n)]);
    expect(page.items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual(['2']);
  });
});
