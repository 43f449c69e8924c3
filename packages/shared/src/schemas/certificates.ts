import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { uuidSchema } from './common.js';
import { COURSE_STATUSES } from './courses.js';

/** A text in some of the five languages; at least one, each non-empty. */
const localisedText = (max: number) =>
  z
    .partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(max))
    .refine((texts) => Object.keys(texts).length > 0, 'atLeastOneLanguage');

export const certificateSignatorySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  title: z.string().trim().max(120).default(''),
});

export const CERTIFICATE_RULE_MAX_COURSES = 20;

/**
 * What earns a certificate automatically: every one of these courses completed, or one
 * learning path completed — exactly one of the two. Null: only an assessor issues it.
 */
export const certificateEarnedByInputSchema = z
  .strictObject({
    courseIds: z
      .array(uuidSchema)
      .min(1)
      .max(CERTIFICATE_RULE_MAX_COURSES)
      .refine((ids) => new Set(ids).size === ids.length, 'duplicateCourse')
      .optional(),
    learningPathId: uuidSchema.optional(),
  })
  .refine((earnedBy) => (earnedBy.courseIds === undefined) !== (earnedBy.learningPathId === undefined), 'coursesOrPath');
export type CertificateEarnedByInput = z.infer<typeof certificateEarnedByInputSchema>;

export const certificateTypeCreateSchema = z.strictObject({
  names: localisedText(160),
  descriptions: z.partialRecord(z.enum(LANGUAGES), z.string().trim().max(2000)).default({}),
  /** Null or absent: the certificate never expires. */
  validityMonths: z.number().int().min(1).max(240).nullable().default(null),
  signatories: z.array(certificateSignatorySchema).max(4).default([]),
  /** Null or absent: assessor only. */
  earnedBy: certificateEarnedByInputSchema.nullable().default(null),
  /** A refresher course whose completion renews an expiring or expired certificate. */
  renewalCourseId: uuidSchema.nullable().default(null),
});
export type CertificateTypeCreate = z.infer<typeof certificateTypeCreateSchema>;

/** Absent fields stay as they are; `earnedBy: null` / `renewalCourseId: null` remove them. */
export const certificateTypeUpdateSchema = z.strictObject({
  names: localisedText(160).optional(),
  descriptions: z.partialRecord(z.enum(LANGUAGES), z.string().trim().max(2000)).optional(),
  validityMonths: z.number().int().min(1).max(240).nullable().optional(),
  signatories: z.array(certificateSignatorySchema).max(4).optional(),
  earnedBy: certificateEarnedByInputSchema.nullable().optional(),
  renewalCourseId: uuidSchema.nullable().optional(),
});
export type CertificateTypeUpdate = z.infer<typeof certificateTypeUpdateSchema>;

const localisedRecord = z.record(z.string(), z.string());

/** A course or learning path a rule names, titled in the reader's language. */
export const certificateRuleItemSchema = z.object({ id: uuidSchema, title: z.string(), status: z.enum(COURSE_STATUSES) });
export type CertificateRuleItem = z.infer<typeof certificateRuleItemSchema>;

export const certificateEarnedBySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('courses'), courses: z.array(certificateRuleItemSchema) }),
  z.object({ kind: z.literal('learningPath'), learningPath: certificateRuleItemSchema }),
]);
export type CertificateEarnedBy = z.infer<typeof certificateEarnedBySchema>;

export const certificateTypeSchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  names: localisedRecord,
  descriptions: localisedRecord,
  validityMonths: z.number().int().nullable(),
  signatories: z.array(z.object({ name: z.string(), title: z.string() })),
  createdAt: z.string(),
  /**
   * What earns it (null: assessor only) and what renews it. Only for readers who may manage the
   * network's types: the rule may name draft courses that other members must not see.
   */
  earnedBy: certificateEarnedBySchema.nullable().optional(),
  renewalCourse: certificateRuleItemSchema.nullable().optional(),
});
export type CertificateType = z.infer<typeof certificateTypeSchema>;
export const certificateTypeListSchema = z.object({ items: z.array(certificateTypeSchema) });

/** An assessor issues a certificate to a member of an organisation they lead or coordinate. */
export const certificateIssueSchema = z.strictObject({
  certificateTypeId: uuidSchema,
  holderUserId: uuidSchema,
  organisationId: uuidSchema,
});
export type CertificateIssue = z.infer<typeof certificateIssueSchema>;

export const certificateRevokeSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const certificateSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  certificateTypeId: uuidSchema,
  names: localisedRecord,
  holderUserId: uuidSchema,
  holderName: z.string(),
  organisationId: uuidSchema,
  organisationName: z.string(),
  networkId: uuidSchema,
  networkName: z.string(),
  reason: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  pdfReady: z.boolean(),
});
export type Certificate = z.infer<typeof certificateSchema>;
export const certificateListSchema = z.object({ items: z.array(certificateSchema) });

/** Verification codes: 26 characters of RFC 4648 base32 (128 random bits), lower case. */
export const verificationCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z2-7]{26}$/, 'invalidCode');

/** What anyone holding the code sees; nothing else about the holder. */
export const certificateVerificationSchema = z.object({
  code: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  holderName: z.string(),
  /** The holder had their account erased: `holderName` is then ERASED_HOLDER_TEXT, not their name. */
  holderErased: z.boolean(),
  names: localisedRecord,
  organisationName: z.string(),
  networkName: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** What the public verify answer shows instead of the name of a holder whose account was erased. */
export const ERASED_HOLDER_TEXT = "erased at the holder's request";
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;
