import { z } from 'zod';
import { SECOND_FACTOR_STEPS } from './two-factor.js';
import { ROLES, ORGANISATION_ROLES, PERMISSIONS } from '../permissions.js';
import {
  emailSchema,
  languageSchema,
  newPasswordSchema,
  personNameSchema,
  timeZoneSchema,
  uuidSchema,
} from './common.js';

/**
 * `identifier` is an e-mail address, a phone number (national or international format) or a
 * username; `email` is the older name of the field and must be an address. The password field
 * also carries a 6-digit PIN. `sharedDevice` ("this is a shared phone") ends the session after
 * 15 minutes idle.
 */
export const signInRequestSchema = z
  .strictObject({
    identifier: z.string().trim().min(1).max(254).optional(),
    email: emailSchema.optional(),
    // Sign-in accepts any stored password length; only new passwords follow the rules.
    password: z.string().min(1).max(1024),
    sharedDevice: z.boolean().optional(),
  })
  .refine((v) => !!v.identifier || !!v.email, { message: 'required', path: ['identifier'] });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const currentUserSchema = z.object({
  id: uuidSchema,
  /** Null for volunteers signed up with a phone number or a username only. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  name: z.string(),
  preferredLanguage: languageSchema,
  timeZone: z.string(),
  isPlatformAdmin: z.boolean(),
});

export const membershipSummarySchema = z.object({
  organisationId: uuidSchema,
  organisationName: z.string(),
  networkId: uuidSchema,
  networkName: z.string(),
  role: z.enum(ORGANISATION_ROLES),
});

export const networkRoleSummarySchema = z.object({
  networkId: uuidSchema,
  networkName: z.string(),
  role: z.enum(ROLES),
});

/** What the SPA learns about the signed-in person: GET /api/auth/session. */
export const sessionResponseSchema = z.object({
  user: currentUserSchema,
  memberships: z.array(membershipSummarySchema),
  networkRoles: z.array(networkRoleSummarySchema),
  /** The highest role held anywhere; picks the home page. */
  primaryRole: z.enum(ROLES),
  /** Union of permissions over all scopes, for showing or hiding screens only. */
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Send back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
  /** Signed in on a shared phone: 15 minutes idle ends it; sign-out clears the browser's storage. */
  sharedDevice: z.boolean(),
  /**
   * Present while the password was right but a second factor is still owed: 'verify' (a
   * TOTP or recovery code) or 'enrol' (TOTP is required for this role). Nothing else works.
   */
  secondFactor: z.enum(SECOND_FACTOR_STEPS).optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const csrfResponseSchema = z.object({ csrfToken: z.string() });

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(16).max(200),
  password: newPasswordSchema,
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});

/** A new 6-digit PIN, after the current PIN or password. */
export const pinChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPin: z.string().regex(/^\d{6}$/, 'pinSixDigits'),
});
export type PinChange = z.infer<typeof pinChangeSchema>;

export const profileUpdateSchema = z.strictObject({
  name: personNameSchema.optional(),
  preferredLanguage: languageSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const activeSessionSchema = z.object({
  id: uuidSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
