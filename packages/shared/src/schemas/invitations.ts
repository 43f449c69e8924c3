import { z } from 'zod';
import { ROLES } from '../permissions.js';
import {
  emailSchema,
  languageSchema,
  newPasswordSchema,
  personNameSchema,
  timeZoneSchema,
  uuidSchema,
} from './common.js';

/**
 * A coordinator invites leaders (organisationId) or fellow coordinators (networkId only);
 * a leader invites volunteers or co-leaders of their own organisation.
 */
export const invitationCreateSchema = z
  .strictObject({
    email: emailSchema,
    role: z.enum(ROLES).exclude(['PLATFORM_ADMIN']),
    organisationId: uuidSchema.optional(),
    networkId: uuidSchema.optional(),
    language: languageSchema.optional(),
  })
  .refine((v) => (v.role === 'COORDINATOR' ? !!v.networkId : !!v.organisationId), {
    message: 'scopeRequired',
    path: ['organisationId'],
  });
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

export const invitationSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  role: z.enum(ROLES),
  organisationId: uuidSchema.nullable(),
  networkId: uuidSchema,
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** What the accept-invitation page shows before the person picks a password. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  organisationName: z.string().nullable(),
  networkName: z.string(),
  language: languageSchema,
  /** True when the address already has an account: accepting adds the membership. */
  existingAccount: z.boolean(),
});

const invitationTokenSchema = z.string().min(16).max(200);

export const invitationPreviewRequestSchema = z.strictObject({ token: invitationTokenSchema });

/**
 * Name and password make a new account; a person who already has one signs in first and
 * sends neither (the API answers VALIDATION_FAILED naming them if a new account lacks them).
 */
export const invitationAcceptSchema = z.strictObject({
  token: invitationTokenSchema,
  name: personNameSchema.optional(),
  password: newPasswordSchema.optional(),
  preferredLanguage: languageSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;
