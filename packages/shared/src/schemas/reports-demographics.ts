import { z } from 'zod';

/**
 * Self-declared gender and age band (issue 19). Optional, given with explicit consent, read
 * back only by the person themself; reports show them only as counts, hiding groups under
 * REPORT_MIN_GROUP_SIZE. Withdrawing consent deletes the answer.
 */

export const DEMOGRAPHIC_GENDERS = ['WOMAN', 'MAN', 'ANOTHER', 'PREFER_NOT_TO_SAY'] as const;
export type DemographicGender = (typeof DEMOGRAPHIC_GENDERS)[number];

/** Bands split at 35: networks report "youth" as under 35 (YOUTH_AGE_BANDS). */
export const DEMOGRAPHIC_AGE_BANDS = ['UNDER_25', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS', 'PREFER_NOT_TO_SAY'] as const;
export type DemographicAgeBand = (typeof DEMOGRAPHIC_AGE_BANDS)[number];

/** The bands counted as "under 35" in reports and in the SHARE_UNDER_35 target. */
export const YOUTH_AGE_BANDS: readonly DemographicAgeBand[] = ['UNDER_25', 'AGE_25_34'];

/** A report cell counting fewer people than this is shown as "fewer than 5", never as a number. */
export const REPORT_MIN_GROUP_SIZE = 5;

/**
 * The wording of the explanation a person consents to. Change it whenever the explanation
 * (locales: profile.demographics.*) changes meaning: a save must then carry the new version,
 * and stored answers keep the version their owner agreed to.
 */
export const DEMOGRAPHICS_CONSENT_VERSION = '2026-12-07';

/** One's own answers as stored. */
export const demographicsSchema = z.object({
  gender: z.enum(DEMOGRAPHIC_GENDERS),
  ageBand: z.enum(DEMOGRAPHIC_AGE_BANDS),
  consentedAt: z.iso.datetime(),
  consentVersion: z.string(),
});
export type Demographics = z.infer<typeof demographicsSchema>;

/** GET /me/demographics: null when the person has not answered (or withdrew). */
export const myDemographicsSchema = z.object({
  demographics: demographicsSchema.nullable(),
  /** The version the SPA must show and send back with a save. */
  currentConsentVersion: z.string(),
});
export type MyDemographics = z.infer<typeof myDemographicsSchema>;

/**
 * PUT /me/demographics. `consent` and `consentVersion` are checked by the API rather than by
 * the schema so that a missing or false consent answers DEMOGRAPHICS_CONSENT_REQUIRED and an
 * old version DEMOGRAPHICS_CONSENT_OUTDATED, not a generic validation error.
 */
export const demographicsUpdateSchema = z.strictObject({
  gender: z.enum(DEMOGRAPHIC_GENDERS),
  ageBand: z.enum(DEMOGRAPHIC_AGE_BANDS),
  consent: z.boolean().optional(),
  consentVersion: z.string().max(40).optional(),
});
export type DemographicsUpdate = z.infer<typeof demographicsUpdateSchema>;
