import { z } from 'zod';
import { ORGANISATION_ROLES } from '../permissions.js';
import { languageSchema, timeZoneSchema, uuidSchema } from './common.js';

/**
 * Platform administration: networks (created by platform admins, edited by them or the
 * network's coordinators) and the accounts of everyone on the platform.
 */

/** Languages of a network, in the order content falls back to when a reader's is missing. */
const networkLanguagesSchema = z
  .array(languageSchema)
  .min(1)
  .max(5)
  .refine((languages) => new Set(languages).size === languages.length, 'duplicateLanguage');

const networkNameSchema = z.string().trim().min(2).max(120);

export const networkAdminSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  organisationCount: z.number().int(),
  createdAt: z.string(),
});
export type NetworkAdmin = z.infer<typeof networkAdminSchema>;
export const networkAdminListSchema = z.object({ items: z.array(networkAdminSchema) });

export const networkCreateSchema = z.strictObject({
  name: networkNameSchema,
  description: z.string().trim().max(2000).default(''),
  languages: networkLanguagesSchema,
  timeZone: timeZoneSchema,
});
export type NetworkCreate = z.input<typeof networkCreateSchema>;

export const networkUpdateSchema = z.strictObject({
  name: networkNameSchema.optional(),
  description: z.string().trim().max(2000).optional(),
  languages: networkLanguagesSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type NetworkUpdate = z.input<typeof networkUpdateSchema>;

export const accountQuerySchema = z.strictObject({
  /** Part of a name, e-mail address, phone number or username. */
  q: z.string().trim().max(100).optional(),
  disabled: z.enum(['true', 'false']).optional(),
});

export const accountSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  memberships: z.array(z.object({ organisationName: z.string(), role: z.enum(ORGANISATION_ROLES) })),
  coordinatorOf: z.array(z.string()),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
/** At most ACCOUNT_LIST_LIMIT accounts, most recent first: narrow with `q` to find one. */
export const ACCOUNT_LIST_LIMIT = 50;
export const accountListSchema = z.object({ items: z.array(accountSummarySchema), more: z.boolean() });
