import type { CourseCertificate } from '@tadamon/shared';
import type { PrismaService } from '../../common/database/prisma.service.js';
import { localisedText } from '../../common/i18n/localised-text.js';

interface Row {
  courseId: string;
  typeId: string;
  names: unknown;
  validityMonths: number | null;
  renews: boolean;
  withOthers: boolean;
  fallbackLanguages: string[];
}

/**
 * What certificate each course leads to, for the course page and "My learning": the rules of
 * certificate types of the course's own network that name it (alone or with other courses),
 * its learning path, or it as the refresher course. One query for any number of courses.
 */
export async function certificatesLeadingTo(
  prisma: Pick<PrismaService, '$queryRaw'>,
  courseIds: string[],
  language: string,
): Promise<Map<string, CourseCertificate[]>> {
  const byCourse = new Map<string, CourseCertificate[]>(courseIds.map((id) => [id, []]));
  if (courseIds.length === 0) return byCourse;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT c."id" AS "courseId", t."id" AS "typeId", t."names", t."validityMonths",
           (r."renewalCourseId" = c."id") AS "renews",
           (r."learningPathId" IS NOT NULL OR cardinality(r."courseIds") > 1) AS "withOthers",
           n."fallbackLanguages"
      FROM "Course" c
      JOIN "CertificateType" t ON t."networkId" = c."networkId"
      JOIN "Network" n ON n."id" = t."networkId"
      JOIN "CertificateTypeRule" r ON r."certificateTypeId" = t."id"
     WHERE c."id" = ANY(${courseIds}::uuid[])
       AND (c."id" = ANY(r."courseIds") OR r."renewalCourseId" = c."id"
            OR EXISTS (SELECT 1 FROM "LearningPathCourse" pc WHERE pc."pathId" = r."learningPathId" AND pc."courseId" = c."id"))
     ORDER BY t."createdAt", t."id"`;
  for (const row of rows) {
    byCourse.get(row.courseId)?.push({
      typeId: row.typeId,
      name: localisedText(row.names, language, row.fallbackLanguages),
      kind: row.renews ? 'RENEWS' : 'EARNS',
      withOthers: !row.renews && row.withOthers,
      validityMonths: row.validityMonths,
    });
  }
  return byCourse;
}
