import type { LessonProgress, Prisma } from '../../generated/prisma/client.js';
import type { PrismaService } from '../../common/database/prisma.service.js';

type Tx = Prisma.TransactionClient;

/**
 * Progress writes. Completions run inside a transaction that first locks the enrolment row
 * (`lockEnrolment`), so two copies of the same event (a retry on a flaky line, a double
 * click) run one after the other and the second finds the work done: a lesson counts once in
 * `completedLessons`, and the course completes once. A visit or a video position changes no
 * count, so it is one atomic upsert instead (`recordPosition`): the player sends one every
 * 15 s per learner, and the locked transaction took eight round trips.
 */

/**
 * A visit or a position: the position only moves forward (GREATEST, so two saves racing each
 * other keep the larger), nothing is written when it would not move, and the lesson is
 * remembered for "resume".
 */
export async function recordPosition(
  prisma: PrismaService,
  enrolment: { id: string; lastLessonId: string | null },
  lessonId: string,
  positionSeconds: number | undefined,
  existing: LessonProgress | undefined,
): Promise<LessonProgress> {
  const position = positionSeconds ?? 0;
  let progress = existing;
  if (!progress || position > progress.positionSeconds) {
    const [written] = await prisma.$queryRaw<LessonProgress[]>`
      INSERT INTO "LessonProgress" ("enrolmentId", "lessonId", "positionSeconds", "updatedAt")
      VALUES (${enrolment.id}::uuid, ${lessonId}::uuid, ${position}, now())
      ON CONFLICT ("enrolmentId", "lessonId") DO UPDATE
        SET "positionSeconds" = GREATEST("LessonProgress"."positionSeconds", EXCLUDED."positionSeconds"), "updatedAt" = now()
      RETURNING "enrolmentId", "lessonId", "status"::text AS "status", "positionSeconds", "startedAt", "completedAt", "updatedAt"`;
    progress = written!;
  }
  if (enrolment.lastLessonId !== lessonId) {
    await prisma.courseEnrolment.update({ where: { id: enrolment.id }, data: { lastLessonId: lessonId } });
  }
  return progress;
}

export async function lockEnrolment(tx: Tx, enrolmentId: string) {
  await tx.$executeRaw`SELECT 1 FROM "CourseEnrolment" WHERE "id" = ${enrolmentId}::uuid FOR UPDATE`;
  return tx.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
}

/**
 * Records a visit or a position (monotonic: the position only moves forward, a completed
 * lesson stays completed) and remembers the lesson for "resume".
 */
export async function recordVisit(tx: Tx, enrolmentId: string, lessonId: string, positionSeconds: number | undefined) {
  const existing = await tx.lessonProgress.findUnique({ where: { enrolmentId_lessonId: { enrolmentId, lessonId } } });
  const position = Math.max(existing?.positionSeconds ?? 0, positionSeconds ?? 0);
  const progress = existing
    ? position !== existing.positionSeconds
      ? await tx.lessonProgress.update({ where: { enrolmentId_lessonId: { enrolmentId, lessonId } }, data: { positionSeconds: position } })
      : existing
    : await tx.lessonProgress.create({ data: { enrolmentId, lessonId, positionSeconds: position } });
  await tx.courseEnrolment.update({ where: { id: enrolmentId }, data: { lastLessonId: lessonId } });
  return progress;
}

/** Marks a lesson completed once; `completedLessons` moves in the same transaction. */
export async function completeLesson(tx: Tx, enrolmentId: string, lessonId: string, now: Date): Promise<boolean> {
  const existing = await tx.lessonProgress.findUnique({ where: { enrolmentId_lessonId: { enrolmentId, lessonId } } });
  if (existing?.status === 'COMPLETED') return false;
  if (existing) {
    await tx.lessonProgress.update({
      where: { enrolmentId_lessonId: { enrolmentId, lessonId } },
      data: { status: 'COMPLETED', completedAt: now },
    });
  } else {
    await tx.lessonProgress.create({ data: { enrolmentId, lessonId, status: 'COMPLETED', completedAt: now } });
  }
  await tx.courseEnrolment.update({
    where: { id: enrolmentId },
    data: { completedLessons: { increment: 1 }, lastLessonId: lessonId },
  });
  return true;
}

export interface CompletionFacts {
  lessons: { id: string; hasQuiz: boolean; requiresPractical: boolean }[];
  completed: Set<string>;
  quizzesPassed: Set<string>;
  practicalsPassed: Set<string>;
}

export async function completionFacts(tx: Tx, enrolmentId: string, versionId: string): Promise<CompletionFacts> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const lessons = await tx.courseLesson.findMany({ where: { versionId }, select: { id: true, hasQuiz: true, requiresPractical: true } });
  const progress = await tx.lessonProgress.findMany({ where: { enrolmentId, status: 'COMPLETED' }, select: { lessonId: true } });
  const passedAttempts = await tx.quizAttempt.findMany({ where: { enrolmentId, passed: true }, select: { lessonId: true } });
  const signOffs = await tx.practicalSignOff.findMany({ where: { enrolmentId, result: 'PASSED' }, select: { lessonId: true } });
  return {
    lessons,
    completed: new Set(progress.map((p) => p.lessonId)),
    quizzesPassed: new Set(passedAttempts.map((a) => a.lessonId)),
    practicalsPassed: new Set(signOffs.map((s) => s.lessonId)),
  };
}

export interface CompletionRules {
  requireAllLessons: boolean;
  requireQuizzesPassed: boolean;
  requirePracticalSignOff: boolean;
}

/**
 * The version's completion rules, each one switchable: all lessons done, every quiz passed,
 * every practical task signed off as passed. With every rule switched off, finishing all
 * lessons still completes the course (a course nobody can complete helps no one).
 */
export function rulesHold(rules: CompletionRules, facts: CompletionFacts): boolean {
  const none = !rules.requireAllLessons && !rules.requireQuizzesPassed && !rules.requirePracticalSignOff;
  if ((rules.requireAllLessons || none) && !facts.lessons.every((l) => facts.completed.has(l.id))) return false;
  if (rules.requireQuizzesPassed && !facts.lessons.every((l) => !l.hasQuiz || facts.quizzesPassed.has(l.id))) return false;
  if (rules.requirePracticalSignOff && !facts.lessons.every((l) => !l.requiresPractical || facts.practicalsPassed.has(l.id))) {
    return false;
  }
  return true;
}

/** Completes the (locked) enrolment when its version's rules hold; true only the one time it happens. */
export async function completeIfRulesHold(tx: Tx, enrolmentId: string, now: Date): Promise<boolean> {
  // No `include` here: Prisma would load the relation with a parallel query on the
  // transaction's single connection.
  const enrolment = await tx.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
  if (enrolment.status !== 'ACTIVE') return false;
  const version = await tx.courseVersion.findUniqueOrThrow({ where: { id: enrolment.versionId } });
  if (!rulesHold(version, await completionFacts(tx, enrolmentId, enrolment.versionId))) return false;
  const updated = await tx.courseEnrolment.updateMany({
    where: { id: enrolmentId, status: 'ACTIVE' },
    data: { status: 'COMPLETED', completedAt: now },
  });
  return updated.count === 1;
}

/**
 * A position recorded on a device offline and replayed later: the latest one wins (by when
 * the learner was there, not by when it arrived), so an older position from a second device
 * never overwrites a newer one. `at` is clamped to the server's clock by the caller.
 */
export async function recordPositionAt(prisma: PrismaService, enrolmentId: string, lessonId: string, positionSeconds: number, at: Date) {
  await prisma.$executeRaw`
    INSERT INTO "LessonProgress" ("enrolmentId", "lessonId", "positionSeconds", "updatedAt")
    VALUES (${enrolmentId}::uuid, ${lessonId}::uuid, ${positionSeconds}, ${at})
    ON CONFLICT ("enrolmentId", "lessonId") DO UPDATE
      SET "positionSeconds" = EXCLUDED."positionSeconds", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "LessonProgress"."updatedAt" <= EXCLUDED."updatedAt"`;
  await prisma.courseEnrolment.update({ where: { id: enrolmentId }, data: { lastLessonId: lessonId } });
}
