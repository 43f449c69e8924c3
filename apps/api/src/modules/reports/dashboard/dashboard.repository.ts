import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../generated/prisma/client.js';
import { PrismaService } from '../../../common/database/prisma.service.js';

/**
 * The dashboard's figures, read with set-based SQL straight from the tables of the features
 * that record them: course completions (CourseEnrolment), certificates, meeting attendance,
 * meetings, accreditation decisions and lessons done with a library material (LessonProgress).
 * Gender and age band come from PersonDemographics, which holds only answers given with
 * consent (withdrawing deletes the row), and leave this file only as counts per group.
 *
 * Why not each module's exported lookup, as the architecture asks elsewhere: those answer
 * objects by id for one screen; a network's dashboard adds up tens of thousands of rows in
 * five breakdowns and two time scales. Through lookups that would be every row shipped to
 * Node (or one query per organisation); here it is two statements whose GROUPING SETS do the
 * adding inside PostgreSQL, under the 200 ms budget of bench/reports-dashboard.mjs. This file
 * only reads; it writes nothing of another feature.
 */
export interface DashboardScope {
  networkId: string;
  /** Set for an organisation's dashboard. */
  organisationId: string | null;
  timeZone: string;
  /** First and last month of the period, YYYY-MM, in the network's time zone. */
  from: string;
  to: string;
  now: Date;
  /** ISO country → continent code, for the countries of the network. */
  continents: Map<string, string>;
}

export type FactKind = 'completion' | 'certificate' | 'attendance' | 'meeting' | 'accreditation' | 'material';
export type Dimension = 'total' | 'month' | 'quarter' | 'country' | 'continent' | 'organisation' | 'topic' | 'language' | 'gender' | 'ageBand';

export interface FactRow {
  kind: FactKind;
  dimension: Dimension;
  key: string | null;
  events: number;
  people: number;
  materials: number;
  organisations: number;
}

export interface ValidRow {
  dimension: Dimension;
  key: string | null;
  valid: number;
}

/** The client a read runs on: the pool, or the transaction of `readTogether`. */
export type ReadClient = Pick<Prisma.TransactionClient, '$queryRaw'>;

@Injectable()
export class DashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Runs the dashboard's statements on one connection with PostgreSQL's JIT off. Their cost
   * estimates (aggregates over grouping sets, running totals) pass jit_above_cost at network
   * scale, and compiling them took longer than running them: 19.5 s of JIT for 1 s of
   * execution, measured with EXPLAIN ANALYZE on the bench data.
   */
  readTogether<T>(work: (db: ReadClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      return work(tx);
    });
  }

  private bounds(scope: DashboardScope) {
    const from = Prisma.sql`((${scope.from} || '-01')::timestamp AT TIME ZONE ${scope.timeZone})`;
    const to = Prisma.sql`(((${scope.to} || '-01')::timestamp + interval '1 month') AT TIME ZONE ${scope.timeZone})`;
    const organisations = Prisma.sql`
      SELECT o.id, o.country, co.continent FROM "Organisation" o
      LEFT JOIN unnest(${[...scope.continents.keys()]}::text[], ${[...scope.continents.values()]}::text[]) AS co(country, continent) ON co.country = o.country
      WHERE o."networkId" = ${scope.networkId}::uuid AND (${scope.organisationId}::uuid IS NULL OR o.id = ${scope.organisationId}::uuid)`;
    return { from, to, organisations };
  }

  /** Every flow of the period, counted by month, quarter, country, continent, organisation, topic and language. */
  async facts(scope: DashboardScope, db: ReadClient = this.prisma): Promise<FactRow[]> {
    const { from, to, organisations } = this.bounds(scope);
    const tz = scope.timeZone;
    return db.$queryRaw<FactRow[]>`
      WITH scope_org AS (${organisations}),
      facts AS (
        SELECT 'completion' AS kind, e."completedAt" AS at, e."organisationId" AS org, e."userId" AS person,
               COALESCE(c."standardTopic"::text, 'custom:' || c."customTopicId") AS topic, NULL::uuid AS material
        FROM "CourseEnrolment" e JOIN scope_org so ON so.id = e."organisationId" JOIN "Course" c ON c.id = e."courseId"
        WHERE e.status = 'COMPLETED' AND e."completedAt" >= ${from} AND e."completedAt" < ${to}
        UNION ALL
        SELECT 'certificate', ct."issuedAt", ct."organisationId", ct."holderUserId", NULL, NULL
        FROM "Certificate" ct JOIN scope_org so ON so.id = ct."organisationId"
        WHERE ct."issuedAt" >= ${from} AND ct."issuedAt" < ${to}
        UNION ALL
        SELECT 'attendance', m."startsAt", COALESCE(r."organisationId", m."hostOrganisationId"), a."userId", NULL, NULL
        FROM "MeetingAttendance" a JOIN "Meeting" m ON m.id = a."meetingId"
        LEFT JOIN "MeetingRegistration" r ON r."meetingId" = a."meetingId" AND r."userId" = a."userId"
        JOIN scope_org so ON so.id = COALESCE(r."organisationId", m."hostOrganisationId")
        WHERE a.status = 'PRESENT' AND m.status = 'SCHEDULED' AND m."startsAt" >= ${from} AND m."startsAt" < ${to}
        UNION ALL
        SELECT 'meeting', m."startsAt", m."hostOrganisationId", NULL, NULL, NULL
        FROM "Meeting" m JOIN scope_org so ON so.id = m."hostOrganisationId"
        WHERE m.status = 'SCHEDULED' AND m."startsAt" >= ${from} AND m."startsAt" < LEAST(${to}, ${scope.now})
        UNION ALL
        SELECT 'accreditation', a."decidedAt", a."organisationId", NULL, NULL, NULL
        FROM "AccreditationAssessment" a JOIN scope_org so ON so.id = a."organisationId"
        WHERE a.status = 'APPROVED' AND a."decidedAt" >= ${from} AND a."decidedAt" < ${to}
        UNION ALL
        SELECT 'material', lp."completedAt", e."organisationId", e."userId",
               COALESCE(mt."standardTopic"::text, 'custom:' || mt."customTopicId"), l."materialId"
        FROM "LessonProgress" lp JOIN "CourseEnrolment" e ON e.id = lp."enrolmentId"
        JOIN scope_org so ON so.id = e."organisationId"
        JOIN "CourseLesson" l ON l.id = lp."lessonId" JOIN "Material" mt ON mt.id = l."materialId"
        WHERE lp.status = 'COMPLETED' AND lp."completedAt" >= ${from} AND lp."completedAt" < ${to}
      ),
      placed AS (
        SELECT f.kind, f.person, f.material, f.org, f.topic,
               to_char(f.at AT TIME ZONE ${tz}, 'YYYY-MM') AS month,
               to_char(f.at AT TIME ZONE ${tz}, 'YYYY-"Q"Q') AS quarter,
               so.country::text AS country, so.continent, u."preferredLanguage" AS language,
               d.gender::text AS gender, d."ageBand"::text AS age_band
        FROM facts f JOIN scope_org so ON so.id = f.org LEFT JOIN "User" u ON u.id = f.person
        LEFT JOIN "PersonDemographics" d ON d."userId" = f.person
      )
      SELECT kind,
             CASE WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(quarter) = 0 THEN 'quarter'
                  WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(continent) = 0 THEN 'continent'
                  WHEN GROUPING(org) = 0 THEN 'organisation' WHEN GROUPING(topic) = 0 THEN 'topic'
                  WHEN GROUPING(language) = 0 THEN 'language' WHEN GROUPING(gender) = 0 THEN 'gender'
                  WHEN GROUPING(age_band) = 0 THEN 'ageBand' ELSE 'total' END AS dimension,
             COALESCE(month, quarter, country, continent, org::text, topic, language, gender, age_band) AS key,
             count(*)::int AS events, count(DISTINCT person)::int AS people,
             count(DISTINCT material)::int AS materials, count(DISTINCT org)::int AS organisations
      FROM placed
      GROUP BY GROUPING SETS ((kind), (kind, month), (kind, quarter), (kind, country), (kind, continent), (kind, org), (kind, topic), (kind, language),
                                  (kind, gender), (kind, age_band))`;
  }

  /**
   * Certificates valid (issued, not revoked, not expired) at the end of each month of the period
   * — or now, for the month under way — and at the end of the period by country, continent,
   * organisation and language.
   */
  async validCertificates(scope: DashboardScope, db: ReadClient = this.prisma): Promise<ValidRow[]> {
    const { to, organisations } = this.bounds(scope);
    const tz = scope.timeZone;
    return db.$queryRaw<ValidRow[]>`
      WITH scope_org AS (${organisations}),
      ends AS (
        SELECT to_char(m, 'YYYY-MM') AS month, LEAST((m + interval '1 month') AT TIME ZONE ${tz}, ${scope.now}) AS at
        FROM generate_series((${scope.from} || '-01')::timestamp, (${scope.to} || '-01')::timestamp, interval '1 month') m
        WHERE m AT TIME ZONE ${tz} < ${scope.now}
      ),
      held AS (
        SELECT ct."issuedAt", ct."revokedAt", ct."expiresAt", ct."organisationId" AS org, so.country::text AS country, so.continent,
               u."preferredLanguage" AS language, d.gender::text AS gender, d."ageBand"::text AS age_band
        FROM "Certificate" ct JOIN scope_org so ON so.id = ct."organisationId" JOIN "User" u ON u.id = ct."holderUserId"
        LEFT JOIN "PersonDemographics" d ON d."userId" = ct."holderUserId"
        WHERE ct."issuedAt" < ${to}
      ),
      at_end AS (
        SELECT * FROM held, (SELECT LEAST(${to}, ${scope.now}) AS at) e
        WHERE held."issuedAt" < e.at AND (held."revokedAt" IS NULL OR held."revokedAt" > e.at) AND (held."expiresAt" IS NULL OR held."expiresAt" > e.at)
      )
      SELECT 'month' AS dimension, ends.month AS key, count(held."issuedAt")::int AS valid
      FROM ends LEFT JOIN held ON held."issuedAt" < ends.at AND (held."revokedAt" IS NULL OR held."revokedAt" > ends.at)
                               AND (held."expiresAt" IS NULL OR held."expiresAt" > ends.at)
      GROUP BY ends.month
      UNION ALL
      SELECT CASE WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(continent) = 0 THEN 'continent'
                  WHEN GROUPING(org) = 0 THEN 'organisation' WHEN GROUPING(language) = 0 THEN 'language'
                  WHEN GROUPING(gender) = 0 THEN 'gender' WHEN GROUPING(age_band) = 0 THEN 'ageBand' ELSE 'total' END,
             COALESCE(country, continent, org::text, language, gender, age_band), count(*)::int
      FROM at_end
      GROUP BY GROUPING SETS ((), (country), (continent), (org), (language), (gender), (age_band))`;
  }

  /** Names of the organisations and custom topics that a breakdown lists. */
  async labels(networkId: string, organisationIds: string[], topicIds: string[]) {
    const [organisations, topics] = await Promise.all([
      organisationIds.length ? this.prisma.organisation.findMany({ where: { id: { in: organisationIds }, networkId }, select: { id: true, name: true, country: true }, orderBy: { name: 'asc' } }) : [],
      topicIds.length ? this.prisma.materialTopic.findMany({ where: { id: { in: topicIds }, networkId }, select: { id: true, name: true } }) : [],
    ]);
    return { organisations, topics };
  }

  /** The scope's network (time zone, countries) and, for an organisation's dashboard, the organisation. */
  async scopeOf(networkId: string, organisationId: string | null) {
    const network = await this.prisma.network.findUnique({ where: { id: networkId }, select: { id: true, name: true, timeZone: true } });
    const organisation = organisationId
      ? await this.prisma.organisation.findFirst({ where: { id: organisationId, networkId }, select: { id: true, name: true, country: true } })
      : null;
    const countries = await this.prisma.organisation.findMany({
      where: organisationId ? { id: organisationId } : { networkId },
      select: { country: true },
      distinct: ['country'],
    });
    return { network, organisation, countries: countries.map((c) => c.country) };
  }
}
