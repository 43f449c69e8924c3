import { describe, expect, it } from 'vitest';
import { findUnstorable, MAX_BODY_DEPTH } from './storable-input.js';

describe('text PostgreSQL can store', () => {
  it('accepts every language and emoji (paired surrogates), refuses NUL and lone surrogates with their path', () => {
    expect(findUnstorable({ name: 'Amina بنت 😀 Ñ', tags: ['ok', { deep: 'fine' }] })).toBeNull();
    expect(findUnstorable({ tags: ['ok', { deep: 'a\u0000b' }] })).toMatchObject({ field: 'tags.1.deep', code: 'invalid_text' });
    expect(findUnstorable({ name: 'x\ud800' })).toMatchObject({ field: 'name', code: 'invalid_text' });
    expect(findUnstorable({ name: '\udc00x' })).toMatchObject({ field: 'name', code: 'invalid_text' });
    expect(findUnstorable({ ['na\u0000me']: 'ok' })).toMatchObject({ code: 'invalid_text' });
  });

  it('refuses nesting past the limit without overflowing the stack, however deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorable(deep)).toMatchObject({ code: 'too_deep' });
    let allowed: unknown = 'leaf';
    for (let i = 0; i < MAX_BODY_DEPTH - 1; i++) allowed = { a: allowed };
    expect(findUnstorable(allowed)).toBeNull();
  });
});
