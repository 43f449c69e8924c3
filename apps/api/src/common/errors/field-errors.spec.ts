import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldErrors } from './field-errors.js';

describe('field errors', () => {
  it('names each offending field, and unknown fields by their own name', () => {
    const schema = z.strictObject({ email: z.email(), profile: z.strictObject({ name: z.string() }) });
    const result = schema.safeParse({ email: 'nope', profile: { name: 3, colour: 'red' }, extra: 1 });
    expect(result.success).toBe(false);
    const fields = toFieldErrors(result.error!.issues);
    expect(Object.keys(fields).sort()).toEqual(['email', 'extra', 'profile.colour', 'profile.name']);
    expect(fields.extra![0]!.code).toBe('unknown_field');
  });
});
