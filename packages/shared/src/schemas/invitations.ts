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

export const invitationAcceptSchema = z.strictObject({
  token: z.string().min(16).max(200),
  name: personNameSchema,
  password: newPasswordSchema,
  preferredLanguage: languageSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;
