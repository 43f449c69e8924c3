import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { LessonProgress, Prisma } from '../../generated/prisma/client.js';
import { enrolLearner, type EnrolmentRequest } from './enrolment-writer.js';
import { certificatesLeadingTo } from './course-certificates.js';
import { recordPosition, recordPositionAt } from './progress-writer.js';

type Tx = Prisma.TransactionClient;
import { visibleCourseWhere, type LearnerScope } from '../courses/learner-scope.js';

const lessonFields = {
  id: true,
  moduleId: true,
  position: true,
  titles: true,
  estimatedMinutes: true,
  materialId: true,
  hasQuiz: true,
  requiresPractical: true,
} as const;

export type OutlineModule = Awaited<ReturnType<LearningRepository['outline']>>[number];
export type OutlineLesson = OutlineModule['lessons'][number];
export type OwnEnrolment = NonNullable<Awaited<ReturnType<LearningRepository['ownEnrolment']>>>;

/**
 * The learning module's reads and writes. Writes that count progress run in `transaction`, with
 * the enrolment locked first (progress-writer); the methods taking `tx` run inside one.
 */
@Injectable()
export class LearningRepository {
  constructor(readonly prisma: PrismaService) {}

  /** What certificate each course leads to (course page, "My learning"), in one query. */
  certificatesLeadingTo(courseIds: string[], language: string) {
    return certificatesLeadingTo(this.prisma, courseIds, language);
  }

  findVisibleCourse(scope: LearnerScope, courseId: string) {
    return this.prisma.course.findFirst({
      where: { id: courseId, ...visibleCourseWhere(scope) },
      include: {
        network: { select: { fallbackLanguages: true } },
        organisation: { select: { name: true } },
        customTopic: { select: { id: true, name: true } },
        enrolments: { where: { userId: scope.userId }, include: { cohort: true } },
      },
    });
  }

  version(versionId: string) {
    return this.prisma.courseVersion.findUniqueOrThrow({ where: { id: versionId } });
  }

  /** Modules and their lessons in order: the order lessons unlock in. */
  outline(versionId: string) {
    return this.prisma.courseModule.findMany({
      where: { versionId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        titles: true,
        lessons: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: lessonFields },
      },
    });
  }

  /** One's own enrolment; anyone else's does not exist for the caller. */
  ownEnrolment(userId: string, enrolmentId: string) {
    return this.prisma.courseEnrolment.findFirst({
      where: { id: enrolmentId, userId },
      include: {
        cohort: true,
        version: true,
        course: { select: { id: true, titles: true, status: true, networkId: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
  }

  /** The caller's enrolment in a course, unless they left it. */
  currentEnrolment(userId: string, courseId: string) {
    return this.prisma.courseEnrolment.findFirst({ where: { courseId, userId, status: { not: 'WITHDRAWN' } }, select: { id: true } });
  }

  async publishedVersionNumber(courseId: string): Promise<number | null> {
    const course = await this.prisma.course.findUnique({ where: { id: courseId }, select: { publishedVersion: { select: { number: true } } } });
    return course?.publishedVersion?.number ?? null;
  }

  enrolmentWithOrganisation(enrolmentId: string) {
    return this.prisma.courseEnrolment.findUnique({
      where: { id: enrolmentId },
      include: { organisation: { select: { id: true, networkId: true } } },
    });
  }

  lessons(versionId: string) {
    return this.prisma.courseLesson.findMany({ where: { versionId } });
  }

  lesson(versionId: string, lessonId: string) {
    return this.prisma.courseLesson.findFirst({ where: { id: lessonId, versionId } });
  }

  /** What the lock rule needs: lesson states and passed quizzes of an enrolment. */
  /** The outlines of several versions in one go (lists: no query per row), by version id. */
  async outlines(versionIds: string[]) {
    const modules = await this.prisma.courseModule.findMany({
      where: { versionId: { in: versionIds } },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        versionId: true,
        titles: true,
        lessons: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: lessonFields },
      },
    });
    const byVersion = new Map(versionIds.map((id) => [id, [] as typeof modules]));
    for (const module of modules) byVersion.get(module.versionId)!.push(module);
    return byVersion;
  }

  /** `lessonFacts` of several enrolments in two queries, by enrolment id. */
  async lessonFactsOf(enrolmentIds: string[]) {
    const [progress, passed] = await Promise.all([
      this.prisma.lessonProgress.findMany({ where: { enrolmentId: { in: enrolmentIds } } }),
      this.prisma.quizAttempt.findMany({ where: { enrolmentId: { in: enrolmentIds }, passed: true }, select: { enrolmentId: true, lessonId: true } }),
    ]);
    const facts = new Map(
      enrolmentIds.map((id) => [id, { progress: new Map<string, (typeof progress)[number]>(), quizzesPassed: new Set<string>() }]),
    );
    for (const row of progress) facts.get(row.enrolmentId)!.progress.set(row.lessonId, row);
    for (const attempt of passed) facts.get(attempt.enrolmentId)!.quizzesPassed.add(attempt.lessonId);
    return facts;
  }

  async lessonFacts(enrolmentId: string) {
    const [progress, passed] = await Promise.all([
      this.prisma.lessonProgress.findMany({ where: { enrolmentId } }),
      this.prisma.quizAttempt.findMany({ where: { enrolmentId, passed: true }, select: { lessonId: true } }),
    ]);
    return { progress: new Map(progress.map((p) => [p.lessonId, p])), quizzesPassed: new Set(passed.map((a) => a.lessonId)) };
  }

  attempts(enrolmentId: string, lessonId: string) {
    return this.prisma.quizAttempt.findMany({ where: { enrolmentId, lessonId }, orderBy: { number: 'asc' } });
  }

  signOffs(enrolmentId: string, lessonId: string) {
    return this.prisma.practicalSignOff.findMany({
      where: { enrolmentId, lessonId },
      orderBy: { recordedAt: 'desc' },
      include: { assessor: { select: { name: true } } },
    });
  }

  /**
   * Practical lessons opened and not yet signed off, in active enrolments of the given
   * organisations or networks (never the assessor's own), oldest first.
   */
  waitingPracticals(scope: { allOrganisations: boolean; organisationIds: string[]; networkIds: string[]; excludeUserId: string }, limit: number) {
    return this.prisma.lessonProgress.findMany({
      where: {
        status: { not: 'COMPLETED' },
        lesson: { requiresPractical: true },
        enrolment: {
          status: 'ACTIVE',
          userId: { not: scope.excludeUserId },
          ...(scope.allOrganisations
            ? {}
            : { OR: [{ organisationId: { in: scope.organisationIds } }, { organisation: { networkId: { in: scope.networkIds } } }] }),
        },
      },
      orderBy: [{ startedAt: 'asc' }, { enrolmentId: 'asc' }],
      take: limit,
      select: {
        startedAt: true,
        lesson: { select: { id: true, titles: true, practicalInstructions: true } },
        enrolment: {
          select: {
            id: true,
            user: { select: { id: true, name: true } },
            organisation: { select: { name: true } },
            course: { select: { id: true, titles: true, network: { select: { fallbackLanguages: true } } } },
          },
        },
      },
    });
  }

  /** Every decision on these enrolments' practical lessons, newest first. */
  signOffsOf(enrolmentIds: string[]) {
    return this.prisma.practicalSignOff.findMany({
      where: { enrolmentId: { in: enrolmentIds } },
      orderBy: { recordedAt: 'desc' },
      include: { assessor: { select: { name: true } } },
    });
  }

  /** Published paths of the learner's networks, open to the network or to their own organisation. */
  visiblePaths(scope: LearnerScope, pathId?: string) {
    return this.prisma.learningPath.findMany({
      where: {
        ...(pathId ? { id: pathId } : {}),
        status: 'PUBLISHED',
        networkId: { in: scope.networkIds },
        OR: [{ organisationId: null }, { organisationId: { in: scope.organisationIds } }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: {
        network: { select: { fallbackLanguages: true } },
        organisation: { select: { name: true } },
        courses: { orderBy: [{ position: 'asc' }, { courseId: 'asc' }], select: { courseId: true } },
      },
    });
  }

  /** The courses among `ids` this learner may see, with their enrolment if any. */
  visibleCoursesOf(scope: LearnerScope, ids: string[]) {
    return this.prisma.course.findMany({
      where: { id: { in: ids }, ...visibleCourseWhere(scope) },
      select: {
        id: true,
        titles: true,
        estimatedMinutes: true,
        enrolments: { where: { userId: scope.userId } },
      },
    });
  }

  /** Certificate types earned by completing these paths, and the learner's valid certificates of them. */
  pathCertificates(userId: string, pathIds: string[]) {
    return this.prisma.certificateTypeRule.findMany({
      where: { learningPathId: { in: pathIds } },
      select: {
        learningPathId: true,
        certificateType: {
          select: {
            id: true,
            names: true,
            certificates: { where: { holderUserId: userId, revokedAt: null }, orderBy: { issuedAt: 'desc' }, take: 1, select: { id: true } },
          },
        },
      },
    });
  }

  questions(versionId: string, pool: string | null) {
    return this.prisma.quizQuestion.findMany({
      where: { versionId, ...(pool ? { pool } : {}) },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  }

  questionsByIds(ids: string[]) {
    return this.prisma.quizQuestion.findMany({ where: { id: { in: ids } } });
  }

  /**
   * For each course, the newest certificate of the person earned by completing it: one query for
   * "My learning" however many courses it lists.
   */
  async certificatesFor(userId: string, courseIds: string[]): Promise<Map<string, string>> {
    if (courseIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ courseId: string; id: string }[]>`
      SELECT DISTINCT ON (course."id") course."id" AS "courseId", cert."id"
        FROM unnest(${courseIds}::uuid[]) AS course("id")
        JOIN "CertificateTypeRule" r
          ON course."id" = ANY(r."courseIds") OR r."renewalCourseId" = course."id"
          OR EXISTS (SELECT 1 FROM "LearningPathCourse" pc WHERE pc."pathId" = r."learningPathId" AND pc."courseId" = course."id")
        JOIN "Certificate" cert ON cert."certificateTypeId" = r."certificateTypeId"
       WHERE cert."holderUserId" = ${userId}::uuid AND cert."revokedAt" IS NULL
       ORDER BY course."id", cert."issuedAt" DESC`;
    return new Map(rows.map((row) => [row.courseId, row.id]));
  }

  /** Certificates earned by completing `courseId` (the rule names it, or its path contains it). */
  async certificateFor(userId: string, courseId: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT cert."id" FROM "Certificate" cert
        JOIN "CertificateTypeRule" r ON r."certificateTypeId" = cert."certificateTypeId"
       WHERE cert."holderUserId" = ${userId}::uuid AND cert."revokedAt" IS NULL
         AND (${courseId}::uuid = ANY(r."courseIds") OR r."renewalCourseId" = ${courseId}::uuid
              OR EXISTS (SELECT 1 FROM "LearningPathCourse" pc
                          WHERE pc."pathId" = r."learningPathId" AND pc."courseId" = ${courseId}::uuid))
       ORDER BY cert."issuedAt" DESC LIMIT 1`;
    return rows[0]?.id ?? null;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  enrol(tx: Tx, request: EnrolmentRequest) {
    return enrolLearner(tx, request);
  }

  enrolmentFor(userId: string, courseId: string) {
    return this.prisma.courseEnrolment.findUnique({ where: { courseId_userId: { courseId, userId } } });
  }

  /** Withdraws an active enrolment (a completed one stays). */
  withdrawIfActive(enrolmentId: string) {
    return this.prisma.courseEnrolment.updateMany({ where: { id: enrolmentId, status: 'ACTIVE' }, data: { status: 'WITHDRAWN' } });
  }

  /** "My learning": the person's enrolments in one state, newest first. */
  myEnrolments(userId: string, status: 'ACTIVE' | 'COMPLETED', take?: number) {
    return this.prisma.courseEnrolment.findMany({
      where: { userId, status },
      orderBy: status === 'ACTIVE' ? [{ updatedAt: 'desc' }, { id: 'desc' }] : [{ completedAt: 'desc' }, { id: 'desc' }],
      ...(take === undefined ? {} : { take }),
      include: { cohort: true, course: { select: { titles: true, network: { select: { fallbackLanguages: true } } } } },
    });
  }

  enrolmentStatus(enrolmentId: string) {
    return this.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { status: true } });
  }

  enrolmentIn(tx: Tx, enrolmentId: string) {
    return tx.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
  }

  /** How many questions a lesson's quiz draws from (its pool, or the whole version). */
  quizPoolSize(versionId: string, pool: string | null) {
    return this.prisma.quizQuestion.count({ where: { versionId, ...(pool ? { pool } : {}) } });
  }

  recordPosition(enrolment: { id: string; lastLessonId: string | null }, lessonId: string, positionSeconds: number | undefined, existing: LessonProgress | undefined) {
    return recordPosition(this.prisma, enrolment, lessonId, positionSeconds, existing);
  }

  recordPositionAt(enrolmentId: string, lessonId: string, positionSeconds: number, at: Date) {
    return recordPositionAt(this.prisma, enrolmentId, lessonId, positionSeconds, at);
  }

  progressIn(tx: Tx, enrolmentId: string, lessonId: string) {
    return tx.lessonProgress.findUniqueOrThrow({ where: { enrolmentId_lessonId: { enrolmentId, lessonId } } });
  }

  ownAttempt(enrolmentId: string, attemptId: string) {
    return this.prisma.quizAttempt.findFirst({ where: { id: attemptId, enrolmentId } });
  }

  attemptsIn(tx: Tx, enrolmentId: string, lessonId: string) {
    return tx.quizAttempt.findMany({ where: { enrolmentId, lessonId }, orderBy: { number: 'asc' } });
  }

  attemptIn(tx: Tx, attemptId: string) {
    return tx.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  }

  createAttempt(tx: Tx, data: Prisma.QuizAttemptUncheckedCreateInput) {
    return tx.quizAttempt.create({ data });
  }

  updateAttempt(tx: Tx, attemptId: string, data: Prisma.QuizAttemptUncheckedUpdateInput) {
    return tx.quizAttempt.update({ where: { id: attemptId }, data });
  }

  createSignOff(tx: Tx, data: Prisma.PracticalSignOffUncheckedCreateInput) {
    return tx.practicalSignOff.create({ data });
  }
}
