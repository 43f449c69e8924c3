import { z } from 'zod';
import { languageSchema, newPasswordSchema, personNameSchema, uuidSchema } from './common.js';
import { memberSchema } from './organisations.js';

/**
 * Sign-in names for people with neither e-mail nor phone: lower-cased, 3–32 of a–z, 0–9, dot,
 * dash, underscore, with at least one letter — so a username never looks like a phone number
 * or an e-mail address and the sign-in box can tell the three apart.
 */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9._-]+$/, 'usernameCharacters')
  .regex(/[a-z]/, 'usernameNeedsLetter');

/**
 * A phone number as typed (national or international format). The API reads it with
 * libphonenumber-js in the organisation's country and stores E.164; a number it cannot read
 * answers PHONE_INVALID.
 */
export const phoneInputSchema = z.string().trim().min(1).max(40);

/** A leader creates a volunteer account with a phone number, a username, or both. */
export const volunteerAccountCreateSchema = z
  .strictObject({
    name: personNameSchema,
    phone: phoneInputSchema.optional(),
    username: usernameSchema.optional(),
    preferredLanguage: languageSchema.optional(),
  })
  .refine((v) => !!v.phone || !!v.username, { message: 'phoneOrUsernameRequired', path: ['phone'] });
export type VolunteerAccountCreate = z.infer<typeof volunteerAccountCreateSchema>;

export const SETUP_CODE_TTL_DAYS = 7;

/** A setup code as handed out: shown once (only its hash is stored), valid 7 days, single use. */
export const setupCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
  userId: uuidSchema,
  name: z.string(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  organisationName: z.string(),
  /** The volunteer's language: the printed slip uses the leader's, this is for the volunteer. */
  preferredLanguage: languageSchema,
});
export type SetupCode = z.infer<typeof setupCodeSchema>;

export const volunteerAccountCreatedSchema = z.object({ member: memberSchema, setupCode: setupCodeSchema });
export type VolunteerAccountCreated = z.infer<typeof volunteerAccountCreatedSchema>;

/** Codes are typed from paper: case, spaces and dashes do not matter. */
export const setupCodeInputSchema = z
  .string()
  .max(40)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().min(8).max(24));

export const setupCodePreviewRequestSchema = z.strictObject({ code: setupCodeInputSchema });
export const setupCodePreviewSchema = z.object({
  name: z.string(),
  organisationName: z.string(),
  /** What to type at the next sign-in: the phone number (E.164) or the username. */
  signInName: z.string(),
  preferredLanguage: languageSchema,
});

/** Exactly six digits; the API also refuses trivially weak PINs (000000, 123456…). */
export const pinSchema = z.string().regex(/^\d{6}$/, 'pinSixDigits');

/** The volunteer chooses a 6-digit PIN or a password with the code (one of the two), and is signed in. */
export const setupCodeRedeemSchema = z
  .strictObject({
    code: setupCodeInputSchema,
    pin: pinSchema.optional(),
    password: newPasswordSchema.optional(),
    sharedDevice: z.boolean().optional(),
  })
  .refine((v) => (v.pin === undefined) !== (v.password === undefined), { message: 'pinOrPassword', path: ['pin'] });
export type SetupCodeRedeem = z.infer<typeof setupCodeRedeemSchema>;
