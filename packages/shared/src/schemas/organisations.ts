import { z } from 'zod';
import { ORGANISATION_ROLES } from '../permissions.js';
import { cursorPageQuerySchema, pageOf, timeZoneSchema, uuidSchema } from './common.js';

export const ORGANISATION_TYPES = [
  'UNION',
  'MUTUAL',
  'NGO',
  'WOMEN',
  'YOUTH',
  'COOPERATIVE',
  'FARMERS',
  'OTHER',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

const countryCode = z
  .string()
  .length(2)
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());

export const networkSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  organisationCount: z.number().int(),
  /** IANA zone of the network: the default zone of its meetings. */
  timeZone: z.string(),
});

export const organisationSummarySchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  country: z.string(),
  city: z.string(),
  languages: z.array(z.string()),
  /** IANA zone the organisation lives in: its own, or its network's when it has set none. */
  timeZone: z.string(),
  /** End of the organisation's current or last accreditation (quality assurance); null: never accredited. */
  accreditedUntil: z.string().nullable(),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

export const organisationDetailSchema = organisationSummarySchema.extend({
  networkName: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  logoUrl: z.string().nullable(),
  memberCount: z.number().int(),
  leaders: z.array(z.object({ name: z.string() })),
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const directoryQuerySchema = cursorPageQuerySchema.extend({
  networkId: uuidSchema.optional(),
  country: countryCode.optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;
export const directoryPageSchema = pageOf(organisationSummarySchema);

const optionalUrl = z.url({ protocol: /^https?$/ }).max(300).nullable().optional();

export const organisationUpdateSchema = z.strictObject({
  name: z.string().trim().min(2).max(160).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  country: countryCode.optional(),
  city: z.string().trim().max(120).optional(),
  languages: z.array(z.string().min(2).max(8)).max(10).optional(),
  description: z.string().max(5000).optional(),
  website: optionalUrl,
  contactEmail: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  /** null: use the network's zone. */
  timeZone: timeZoneSchema.nullable().optional(),
});
export const organisationCreateSchema = organisationUpdateSchema.required({
  name: true,
  type: true,
  country: true,
}).extend({ networkId: uuidSchema });

export const memberSchema = z.object({
  membershipId: uuidSchema,
  userId: uuidSchema,
  name: z.string(),
  /** Members signed up by a leader may have a phone number or a username instead. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  role: z.enum(ORGANISATION_ROLES),
  joinedAt: z.string(),
  disabled: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({ items: z.array(memberSchema) });

export const memberRoleChangeSchema = z.strictObject({ role: z.enum(ORGANISATION_ROLES) });

export const auditEventSchema = z.object({
  id: uuidSchema,
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditQuerySchema = cursorPageQuerySchema.extend({
  organisationId: uuidSchema.optional(),
  networkId: uuidSchema.optional(),
});
export const auditPageSchema = pageOf(auditEventSchema);

/** A network at a glance, for the coordinator's home page. */
export const networkStatsSchema = z.object({
  networkId: uuidSchema,
  organisationCount: z.number().int(),
  /** People with an active account and at least one membership in the network. */
  memberCount: z.number().int(),
  byCountry: z.array(z.object({ country: z.string(), organisations: z.number().int() })),
  byType: z.array(z.object({ type: z.enum(ORGANISATION_TYPES), organisations: z.number().int() })),
});
export type NetworkStats = z.infer<typeof networkStatsSchema>;
