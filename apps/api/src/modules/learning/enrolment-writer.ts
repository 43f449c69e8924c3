import type { EnrolmentSource } from '../../generated/prisma/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError } from '../../common/errors/app-error.js';

type Tx = Prisma.TransactionClient;

export interface EnrolmentRequest {
  courseId: string;
  userId: string;
  /** The learner's organisation now: progress reports are scoped by it. */
  organisationId: string;
  source: EnrolmentSource;
  cohortId?: string | null;
  assignedById?: string | null;
  dueAt?: Date | null;
}

/**
 * The one place an enrolment is written, whether the learner enrols themselves, a leader
 * assigns the course or a cohort adds them. Callers check who may enrol whom; this checks what
 * holds for everyone: the course is published and its prerequisites are completed. A new
 * enrolment is pinned to the published version; an existing one keeps its version (learners
 * finish the version they started), a withdrawn one comes back to life, and an assignment adds
 * its due date to an enrolment the learner had already started. Safe to call twice.
 */
export async function enrolLearner(tx: Tx, request: EnrolmentRequest) {
  const course = await tx.course.findUnique({
    where: { id: request.courseId },
    select: { status: true, publishedVersionId: true },
  });
  if (!course || course.status !== 'PUBLISHED' || !course.publishedVersionId) {
    throw new AppError('COURSE_NOT_PUBLISHED');
  }
  const missing = await missingPrerequisites(tx, request.courseId, request.userId);
  if (missing.length > 0) {
    throw new AppError('COURSE_PREREQUISITES_MISSING', undefined, { courseIds: missing });
  }
  const existing = await tx.courseEnrolment.findUnique({
    where: { courseId_userId: { courseId: request.courseId, userId: request.userId } },
  });
  const assignment = {
    ...(request.assignedById ? { assignedById: request.assignedById } : {}),
    ...(request.dueAt !== undefined ? { dueAt: request.dueAt } : {}),
    ...(request.cohortId ? { cohortId: request.cohortId } : {}),
  };
  if (existing) {
    if (existing.status === 'WITHDRAWN') {
      return tx.courseEnrolment.update({
        where: { id: existing.id },
        data: { status: 'ACTIVE', source: request.source, organisationId: request.organisationId, ...assignment },
      });
    }
    return Object.keys(assignment).length > 0
      ? tx.courseEnrolment.update({ where: { id: existing.id }, data: assignment })
      : existing;
  }
  const totalLessons = await tx.courseLesson.count({ where: { versionId: course.publishedVersionId } });
  return tx.courseEnrolment.create({
    data: {
      courseId: request.courseId,
      versionId: course.publishedVersionId,
      userId: request.userId,
      organisationId: request.organisationId,
      source: request.source,
      totalLessons,
      ...assignment,
    },
  });
}

/** Ids of the courses `courseId` requires that `userId` has not completed. */
export async function missingPrerequisites(tx: Tx, courseId: string, userId: string): Promise<string[]> {
  const required = await tx.coursePrerequisite.findMany({
    where: { courseId },
    select: { requiredCourseId: true },
  });
  if (required.length === 0) return [];
  const completed = await tx.courseEnrolment.findMany({
    where: {
      userId,
      status: 'COMPLETED',
      courseId: { in: required.map((r) => r.requiredCourseId) },
    },
    select: { courseId: true },
  });
  const done = new Set(completed.map((e) => e.courseId));
  return required.map((r) => r.requiredCourseId).filter((id) => !done.has(id));
}
