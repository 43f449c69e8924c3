import { describe, expect, it } from 'vitest';
import { emailSchema, newPasswordSchema, timeZoneSchema } from './common.js';
import { invitationCreateSchema } from './invitations.js';

describe('shared input rules', () => {
  it('lower-cases and trims e-mail addresses', () => {
    expect(emailSchema.parse('  Salma@Example.ORG ')).toBe('salma@example.org');
    expect(emailSchema.safeParse('not-an-address').success).toBe(false);
  });

  it('accepts real IANA zones and refuses made-up ones', () => {
    expect(timeZoneSchema.safeParse('Africa/Casablanca').success).toBe(true);
    expect(timeZoneSchema.safeParse('America/Bogota').success).toBe(true);
    expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('keeps new passwords between 8 and 128 characters', () => {
    expect(newPasswordSchema.safeParse('short').success).toBe(false);
    expect(newPasswordSchema.safeParse('x'.repeat(129)).success).toBe(false);
    expect(newPasswordSchema.safeParse('long enough').success).toBe(true);
  });

  it('needs an organisation for leader invitations and a network for coordinator ones', () => {
    const base = { email: 'a@b.org' };
    expect(invitationCreateSchema.safeParse({ ...base, role: 'ORG_LEADER' }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ ...base, role: 'COORDINATOR', organisationId: crypto.randomUUID() }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ ...base, role: 'PLATFORM_ADMIN', networkId: crypto.randomUUID() }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ ...base, role: 'VOLUNTEER', organisationId: crypto.randomUUID() }).success).toBe(true);
  });
});
