import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { likeContains } from '../../common/text/search-query.js';

/**
 * Progress reports read CourseEnrolment only (completedLessons/totalLessons are kept there by
 * the learning module), joined to the learner's *current* membership of the enrolment's
 * organisation: someone who left an organisation drops out of its reports.
 */
export interface ReportFilter {
  organisationId?: string;
  networkId?: string;
  cohortId?: string;
  courseId?: string;
  status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'OVERDUE';
  /** Part of a member's name, folded (accents, Arabic vowels). */
  q?: string;
}

export interface EnrolmentRow {
  enrolmentId: string;
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  courseId: string;
  courseTitles: unknown;
  status: 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN';
  source: 'SELF' | 'ASSIGNED' | 'COHORT';
  completedLessons: number;
  totalLessons: number;
  lastLessonId: string | null;
  dueAt: Date | null;
  completedAt: Date | null;
  lastActivityAt: Date | null;
}

export interface CountRow {
  key: string;
  name: string;
  country: string;
  organisations: number;
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
}

/** progressStateOf (packages/shared/src/progress-states.ts) written as SQL: keep the two in step. */
const NOT_STARTED = Prisma.sql`e.status = 'ACTIVE' AND e."completedLessons" = 0 AND e."lastLessonId" IS NULL`;

/** The status filter as a condition (TRUE when there is none). */
function statusPredicate(status: ReportFilter['status'], now: Date): Prisma.Sql {
  switch (status) {
    case 'COMPLETED':
      return Prisma.sql`e.status = 'COMPLETED'`;
    case 'NOT_STARTED':
      return Prisma.sql`(${NOT_STARTED})`;
    case 'IN_PROGRESS':
      return Prisma.sql`e.status = 'ACTIVE' AND NOT (${NOT_STARTED})`;
    case 'OVERDUE':
      return Prisma.sql`e.status = 'ACTIVE' AND e."dueAt" < ${now}`;
    default:
      return Prisma.sql`TRUE`;
  }
}

function statusCondition(status: ReportFilter['status'], now: Date): Prisma.Sql {
  return status ? Prisma.sql`AND ${statusPredicate(status, now)}` : Prisma.empty;
}

/**
 * The enrolments a filter covers (never withdrawn ones). Only the joins the filter needs: the
 * membership always; people only to search their names (a scalar lookup by primary key, so the
 * planner never scans every user of a 100,000-person network); organisations only for a network.
 */
function scope(filter: ReportFilter, now: Date, withStatus = true): Prisma.Sql {
  return Prisma.sql`
    FROM "CourseEnrolment" e
    JOIN "OrganisationMembership" m ON m."userId" = e."userId" AND m."organisationId" = e."organisationId"
    ${filter.networkId ? Prisma.sql`JOIN "Organisation" o ON o.id = e."organisationId"` : Prisma.empty}
    WHERE e.status <> 'WITHDRAWN'
    ${filter.organisationId ? Prisma.sql`AND e."organisationId" = ${filter.organisationId}::uuid` : Prisma.empty}
    ${filter.networkId ? Prisma.sql`AND o."networkId" = ${filter.networkId}::uuid` : Prisma.empty}
    ${filter.cohortId ? Prisma.sql`AND e."cohortId" = ${filter.cohortId}::uuid` : Prisma.empty}
    ${filter.courseId ? Prisma.sql`AND e."courseId" = ${filter.courseId}::uuid` : Prisma.empty}
    ${filter.q ? Prisma.sql`AND tadamon_fold((SELECT u.name FROM "User" u WHERE u.id = e."userId")) LIKE tadamon_fold(${likeContains(filter.q)})` : Prisma.empty}
    ${withStatus ? statusCondition(filter.status, now) : Prisma.empty}`;
}

const counts = (now: Date) => Prisma.sql`
  count(e.id)::int AS "enrolled",
  (count(e.id) FILTER (WHERE ${NOT_STARTED}))::int AS "notStarted",
  (count(e.id) FILTER (WHERE e.status = 'ACTIVE' AND NOT (${NOT_STARTED})))::int AS "inProgress",
  (count(e.id) FILTER (WHERE e.status = 'COMPLETED'))::int AS "completed",
  (count(e.id) FILTER (WHERE e.status = 'ACTIVE' AND e."dueAt" < ${now}))::int AS "overdue"`;

@Injectable()
export class ProgressReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One page of enrolment rows, by member name; `offset`/`limit` for pages and CSV batches. */
  rows(filter: ReportFilter, now: Date, offset: number, limit: number): Promise<EnrolmentRow[]> {
    // The page is cut first; course titles and the last activity are looked up for its rows only.
    return this.prisma.$queryRaw<EnrolmentRow[]>`
      SELECT p.*, c.titles AS "courseTitles", o.name AS "organisationName",
             (SELECT max(lp."updatedAt") FROM "LessonProgress" lp WHERE lp."enrolmentId" = p."enrolmentId") AS "lastActivityAt"
      FROM (
        SELECT e.id AS "enrolmentId", e."userId", (SELECT u.name FROM "User" u WHERE u.id = e."userId") AS name,
               e."organisationId", e."courseId", e.status::text AS status, e.source::text AS source, e."enrolledAt",
               e."completedLessons", e."totalLessons", e."lastLessonId", e."dueAt", e."completedAt"
        ${scope(filter, now)}
        ORDER BY name, e."userId", e."enrolledAt", e.id
        OFFSET ${offset} LIMIT ${limit}
      ) p
      JOIN "Course" c ON c.id = p."courseId"
      JOIN "Organisation" o ON o.id = p."organisationId"
      ORDER BY p.name, p."userId", p."enrolledAt", p."enrolmentId"`;
  }

  /**
   * Enrolled / not started / in progress / completed / overdue, ignoring the status filter,
   * and the number of rows the status filter keeps: one pass over the enrolments for both.
   */
  async counts(filter: ReportFilter, now: Date): Promise<Omit<CountRow, 'key' | 'name' | 'country' | 'organisations'> & { total: number }> {
    const [row] = await this.prisma.$queryRaw<(CountRow & { total: number })[]>`
      SELECT ${counts(now)}, (count(e.id) FILTER (WHERE ${statusPredicate(filter.status, now)}))::int AS "total"
      ${scope(filter, now, false)}`;
    return row!;
  }

  /** Courses anyone of the organisation (or network) is enrolled in, for the course filter. */
  courses(filter: { organisationId?: string; networkId?: string }): Promise<{ id: string; titles: unknown }[]> {
    if (filter.organisationId) {
      return this.prisma.$queryRaw`
        SELECT k.id, k.titles FROM "Course" k
        WHERE k.id IN (SELECT DISTINCT e."courseId" FROM "CourseEnrolment" e
                       WHERE e."organisationId" = ${filter.organisationId}::uuid AND e.status <> 'WITHDRAWN')
        ORDER BY k."updatedAt" DESC LIMIT 500`;
    }
    return this.prisma.$queryRaw`
      SELECT k.id, k.titles FROM "Course" k
      WHERE k."networkId" = ${filter.networkId}::uuid
        AND EXISTS (SELECT 1 FROM "CourseEnrolment" e WHERE e."courseId" = k.id)
      ORDER BY k."updatedAt" DESC LIMIT 500`;
  }

  /** A network's counts per organisation (all of them, zeros included) or per country. */
  networkCounts(networkId: string, by: 'organisation' | 'country', courseId: string | undefined, now: Date): Promise<CountRow[]> {
    const perOrganisation = Prisma.sql`
      SELECT o.id::text AS key, o.name, o.country, 1 AS organisations, ${counts(now)}
      FROM "Organisation" o
      LEFT JOIN ("CourseEnrolment" e
        JOIN "OrganisationMembership" m ON m."userId" = e."userId" AND m."organisationId" = e."organisationId")
        ON e."organisationId" = o.id AND e.status <> 'WITHDRAWN'
        ${courseId ? Prisma.sql`AND e."courseId" = ${courseId}::uuid` : Prisma.empty}
      WHERE o."networkId" = ${networkId}::uuid
      GROUP BY o.id`;
    if (by === 'organisation') return this.prisma.$queryRaw<CountRow[]>`${perOrganisation} ORDER BY o.country, o.name`;
    return this.prisma.$queryRaw<CountRow[]>`
      SELECT country AS key, country AS name, country, count(*)::int AS organisations,
             sum(enrolled)::int AS enrolled, sum("notStarted")::int AS "notStarted", sum("inProgress")::int AS "inProgress",
             sum(completed)::int AS completed, sum(overdue)::int AS overdue
      FROM (${perOrganisation}) per_organisation
      GROUP BY country ORDER BY country`;
  }

  /** Completions per week or month since `from` (UTC), only periods with any. */
  completions(filter: { organisationId?: string; networkId?: string; courseId?: string }, interval: 'week' | 'month', from: Date) {
    return this.prisma.$queryRaw<{ start: string; completions: number }[]>`
      SELECT to_char(date_trunc(${interval}, e."completedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS start,
             count(*)::int AS completions
      FROM "CourseEnrolment" e
      JOIN "OrganisationMembership" m ON m."userId" = e."userId" AND m."organisationId" = e."organisationId"
      JOIN "Organisation" o ON o.id = e."organisationId"
      WHERE e.status = 'COMPLETED' AND e."completedAt" >= ${from}
      ${filter.organisationId ? Prisma.sql`AND e."organisationId" = ${filter.organisationId}::uuid` : Prisma.empty}
      ${filter.networkId ? Prisma.sql`AND o."networkId" = ${filter.networkId}::uuid` : Prisma.empty}
      ${filter.courseId ? Prisma.sql`AND e."courseId" = ${filter.courseId}::uuid` : Prisma.empty}
      GROUP BY 1 ORDER BY 1`;
  }

  /** Per published learning path the organisation may see: each member's completed courses of it. */
  pathProgress(organisation: { id: string; networkId: string }) {
    return this.prisma.$queryRaw<
      { pathId: string; titles: unknown; totalCourses: number; userId: string | null; name: string | null; completedCourses: number; enrolledCourses: number }[]
    >`
      WITH paths AS (
        SELECT p.id, p.titles, p."createdAt", (SELECT count(*)::int FROM "LearningPathCourse" x WHERE x."pathId" = p.id) AS total
        FROM "LearningPath" p
        WHERE p."networkId" = ${organisation.networkId}::uuid AND p.status = 'PUBLISHED'
          AND (p."organisationId" IS NULL OR p."organisationId" = ${organisation.id}::uuid)
      )
      SELECT paths.id AS "pathId", paths.titles, paths.total AS "totalCourses", e."userId", u.name,
             (count(e.id) FILTER (WHERE e.status = 'COMPLETED'))::int AS "completedCourses", count(e.id)::int AS "enrolledCourses"
      FROM paths
      LEFT JOIN ("LearningPathCourse" lpc
        JOIN "CourseEnrolment" e ON e."courseId" = lpc."courseId" AND e."organisationId" = ${organisation.id}::uuid AND e.status <> 'WITHDRAWN'
        JOIN "OrganisationMembership" m ON m."userId" = e."userId" AND m."organisationId" = e."organisationId"
        JOIN "User" u ON u.id = e."userId") ON lpc."pathId" = paths.id
      GROUP BY paths.id, paths.titles, paths.total, paths."createdAt", e."userId", u.name
      ORDER BY paths."createdAt", paths.id, u.name`;
  }
}
