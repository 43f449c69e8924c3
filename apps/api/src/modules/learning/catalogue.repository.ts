import { Injectable } from '@nestjs/common';
import { COURSE_LENGTH_BANDS, type CourseLength } from '@tadamon/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { catalogueSql, type LearnerScope } from '../courses/learner-scope.js';

export interface CatalogueSearch {
  scope: LearnerScope;
  /** A tsquery in text form (`prefixQuery` in common/text/search-query), or none for the plain list. */
  tsQuery?: string;
  standardTopic?: string;
  customTopicId?: string;
  language?: string;
  length?: CourseLength;
  /** Keyset of the previous page's last row: [rank or updatedAt, id]. */
  after?: [string, string];
  take: number;
}

export interface CatalogueRow {
  id: string;
  networkId: string;
  organisationId: string | null;
  organisationName: string | null;
  standardTopic: string | null;
  customTopicId: string | null;
  customTopicName: string | null;
  enrolmentPolicy: 'NETWORK' | 'ORGANISATION' | 'ASSIGNED';
  titles: unknown;
  summaries: unknown;
  languages: string[];
  estimatedMinutes: number;
  updatedAt: Date;
  fallbackLanguages: string[];
  rank: string | null;
  enrolmentId: string | null;
  enrolmentStatus: 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN' | null;
  source: 'SELF' | 'ASSIGNED' | 'COHORT' | null;
  completedLessons: number | null;
  lastLessonId: string | null;
  totalLessons: number | null;
  dueAt: Date | null;
  completedAt: Date | null;
}

/**
 * The learner's catalogue: raw SQL because the full-text rank and the folding are
 * expressions. Like the library, two steps: the page of ids (visibility, filters, order,
 * limit), then the display columns and the caller's enrolment for those rows only.
 */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly prisma: PrismaService) {}

  search(s: CatalogueSearch): Promise<CatalogueRow[]> {
    const conditions: Prisma.Sql[] = [catalogueSql(s.scope)];
    if (s.standardTopic) conditions.push(Prisma.sql`c."standardTopic"::text = ${s.standardTopic}`);
    if (s.customTopicId) conditions.push(Prisma.sql`c."customTopicId" = ${s.customTopicId}::uuid`);
    if (s.language) conditions.push(Prisma.sql`${s.language} = ANY(c."languages")`);
    if (s.length) {
      const [min, max] = COURSE_LENGTH_BANDS[s.length];
      conditions.push(Prisma.sql`c."estimatedMinutes" >= ${min}`);
      if (max !== null) conditions.push(Prisma.sql`c."estimatedMinutes" <= ${max}`);
    }
    const searching = s.tsQuery !== undefined;
    const rank = searching
      ? Prisma.sql`ts_rank(c."searchVector", to_tsquery('simple', tadamon_fold(${s.tsQuery})))`
      : Prisma.sql`NULL::real`;
    if (searching) conditions.push(Prisma.sql`c."searchVector" @@ to_tsquery('simple', tadamon_fold(${s.tsQuery}))`);
    if (s.after) {
      const [key, id] = s.after;
      conditions.push(
        searching
          ? Prisma.sql`(${rank}, c."id") < (${key}::real, ${id}::uuid)`
          : Prisma.sql`(c."updatedAt", c."id") < (${key}::timestamptz, ${id}::uuid)`,
      );
    }
    const order = searching ? Prisma.sql`"rank" DESC, "id" DESC` : Prisma.sql`"updatedAt" DESC, "id" DESC`;
    return this.prisma.$queryRaw<CatalogueRow[]>`
      WITH page AS (
        SELECT c."id", c."updatedAt", ${rank} AS "rank"
          FROM "Course" c
         WHERE ${Prisma.join(conditions, ' AND ')}
         ORDER BY ${order}
         LIMIT ${s.take})
      SELECT c."id", c."networkId", c."organisationId", o."name" AS "organisationName",
             c."standardTopic"::text AS "standardTopic", c."customTopicId", ct."name" AS "customTopicName",
             c."enrolmentPolicy"::text AS "enrolmentPolicy", c."titles", c."summaries", c."languages",
             c."estimatedMinutes", c."updatedAt", n."fallbackLanguages", page."rank"::text AS "rank",
             e."id" AS "enrolmentId", e."status"::text AS "enrolmentStatus", e."source"::text AS "source",
             e."completedLessons", e."lastLessonId", e."totalLessons", e."dueAt", e."completedAt"
        FROM page
        JOIN "Course" c ON c."id" = page."id"
        JOIN "Network" n ON n."id" = c."networkId"
        LEFT JOIN "Organisation" o ON o."id" = c."organisationId"
        LEFT JOIN "MaterialTopic" ct ON ct."id" = c."customTopicId"
        LEFT JOIN "CourseEnrolment" e ON e."courseId" = c."id" AND e."userId" = ${s.scope.userId}::uuid
       ORDER BY ${searching ? Prisma.sql`page."rank" DESC, c."id" DESC` : Prisma.sql`c."updatedAt" DESC, c."id" DESC`}`;
  }

  /** For each course, the prerequisites `userId` has not completed, with their titles. */
  async missingPrerequisites(courseIds: string[], userId: string) {
    if (courseIds.length === 0) return [];
    return this.prisma.$queryRaw<{ courseId: string; requiredId: string; titles: unknown; fallbackLanguages: string[] }[]>`
      SELECT p."courseId", r."id" AS "requiredId", r."titles", n."fallbackLanguages"
        FROM "CoursePrerequisite" p
        JOIN "Course" r ON r."id" = p."requiredCourseId"
        JOIN "Network" n ON n."id" = r."networkId"
       WHERE p."courseId" = ANY(${courseIds}::uuid[])
         AND NOT EXISTS (SELECT 1 FROM "CourseEnrolment" e
                          WHERE e."courseId" = p."requiredCourseId" AND e."userId" = ${userId}::uuid
                            AND e."status" = 'COMPLETED')`;
  }
}
