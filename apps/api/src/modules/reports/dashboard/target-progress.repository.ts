import { Injectable } from '@nestjs/common';
import type { ReportMetric } from '@tadamon/shared';
import { PrismaService } from '../../../common/database/prisma.service.js';

export interface TargetMonthRow {
  id: string;
  metric: ReportMetric;
  country: string | null;
  targetValue: number;
  periodStart: string;
  periodEnd: string;
  note: string;
  /** Null for a target whose period has not begun. */
  month: string | null;
  /** The metric over the period up to the end of that month (a count, or the share's numerator). */
  value: number | null;
  /** For a share: the people it is a share of (trained people who answered). */
  base: number | null;
}

/**
 * Each target of the network with its measure at the end of every month of its period so far,
 * in one statement. Targets belong to the reports feature (targets/ writes them; this reads
 * them beside the figures); the figures are read from the tables that record them, as in
 * DashboardRepository. A CASE picks the one subquery a target's metric needs: PostgreSQL
 * evaluates only the branch taken.
 */
@Injectable()
export class TargetProgressRepository {
  constructor(private readonly prisma: PrismaService) {}

  async monthly(networkId: string, timeZone: string, now: Date): Promise<TargetMonthRow[]> {
    return this.prisma.$queryRaw<TargetMonthRow[]>`
      WITH targets AS (
        SELECT t.id, t.metric::text AS metric, t.country::text AS country, t."targetValue", t.note,
               to_char(t."periodStart", 'YYYY-MM-DD') AS "periodStart", to_char(t."periodEnd", 'YYYY-MM-DD') AS "periodEnd",
               t."periodStart"::timestamp AT TIME ZONE ${timeZone} AS start_at,
               (t."periodEnd"::timestamp + interval '1 day') AT TIME ZONE ${timeZone} AS end_at
        FROM "ReportTarget" t WHERE t."networkId" = ${networkId}::uuid
      ),
      points AS (
        SELECT targets.*, to_char(m, 'YYYY-MM') AS month,
               LEAST((m + interval '1 month') AT TIME ZONE ${timeZone}, targets.end_at, ${now}) AS at
        FROM targets LEFT JOIN LATERAL generate_series(date_trunc('month', targets.start_at AT TIME ZONE ${timeZone}),
                                                        (LEAST(targets.end_at, ${now}) - interval '1 millisecond') AT TIME ZONE ${timeZone},
                                                        interval '1 month') m ON true
      ),
      orgs AS (SELECT o.id, o.country::text AS country FROM "Organisation" o WHERE o."networkId" = ${networkId}::uuid),
      trained AS (
        SELECT e."userId", e."completedAt", o.country FROM "CourseEnrolment" e JOIN orgs o ON o.id = e."organisationId"
        WHERE e.status = 'COMPLETED'
      )
      SELECT p.id, p.metric, p.country, p."targetValue", p."periodStart", p."periodEnd", p.note, p.month,
             CASE p.metric
               WHEN 'PEOPLE_TRAINED' THEN (SELECT count(DISTINCT tr."userId") FROM trained tr
                 WHERE tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
               WHEN 'COURSES_COMPLETED' THEN (SELECT count(*) FROM trained tr
                 WHERE tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
               WHEN 'CERTIFICATES_ISSUED' THEN (SELECT count(*) FROM "Certificate" c JOIN orgs o ON o.id = c."organisationId"
                 WHERE c."issuedAt" >= p.start_at AND c."issuedAt" < p.at AND (p.country IS NULL OR o.country = p.country))
               WHEN 'CERTIFIED_VOLUNTEERS' THEN (SELECT count(DISTINCT c."holderUserId") FROM "Certificate" c JOIN orgs o ON o.id = c."organisationId"
                 WHERE c."issuedAt" < p.at AND (c."revokedAt" IS NULL OR c."revokedAt" > p.at) AND (c."expiresAt" IS NULL OR c."expiresAt" > p.at)
                   AND (p.country IS NULL OR o.country = p.country))
               WHEN 'ORGANISATIONS_ACCREDITED' THEN (SELECT count(DISTINCT a."organisationId") FROM "AccreditationAssessment" a JOIN orgs o ON o.id = a."organisationId"
                 WHERE a.status = 'APPROVED' AND a."decidedAt" < p.at AND (a."validUntil" IS NULL OR a."validUntil" > p.at)
                   AND (p.country IS NULL OR o.country = p.country))
               WHEN 'MEETINGS_HELD' THEN (SELECT count(*) FROM "Meeting" m JOIN orgs o ON o.id = m."hostOrganisationId"
                 WHERE m.status = 'SCHEDULED' AND m."startsAt" >= p.start_at AND m."startsAt" < p.at AND (p.country IS NULL OR o.country = p.country))
               WHEN 'SHARE_WOMEN' THEN (SELECT count(DISTINCT tr."userId") FROM trained tr JOIN "PersonDemographics" d ON d."userId" = tr."userId"
                 WHERE d.gender = 'WOMAN' AND tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
               WHEN 'SHARE_UNDER_35' THEN (SELECT count(DISTINCT tr."userId") FROM trained tr JOIN "PersonDemographics" d ON d."userId" = tr."userId"
                 WHERE d."ageBand" IN ('UNDER_25', 'AGE_25_34') AND tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
             END::int AS value,
             CASE p.metric
               WHEN 'SHARE_WOMEN' THEN (SELECT count(DISTINCT tr."userId") FROM trained tr JOIN "PersonDemographics" d ON d."userId" = tr."userId"
                 WHERE d.gender <> 'PREFER_NOT_TO_SAY' AND tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
               WHEN 'SHARE_UNDER_35' THEN (SELECT count(DISTINCT tr."userId") FROM trained tr JOIN "PersonDemographics" d ON d."userId" = tr."userId"
                 WHERE d."ageBand" <> 'PREFER_NOT_TO_SAY' AND tr."completedAt" >= p.start_at AND tr."completedAt" < p.at AND (p.country IS NULL OR tr.country = p.country))
             END::int AS base
      FROM points p
      ORDER BY p."periodEnd", p.metric, p.country NULLS FIRST, p.id, p.month`;
  }
}
