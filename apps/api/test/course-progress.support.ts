import type { PrismaService } from '../src/common/database/prisma.service.js';
import { createPublishedCourse } from './support/course-factories.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestApp } from './support/test-app.js';
import type { TestClient } from './support/test-client.js';

/** The scoping cast (createWorld) signed in, plus a network course and one course of org B. */
export async function progressWorld(t: TestApp) {
  const world = await createWorld(t.prisma);
  const as: Record<'coordinator' | 'otherCoordinator' | 'leaderA' | 'leaderB' | 'leaderC' | 'volunteerA', TestClient> = {} as never;
  for (const who of ['coordinator', 'otherCoordinator', 'leaderA', 'leaderB', 'leaderC', 'volunteerA'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
  const networkCourse = await createPublishedCourse(t.prisma, {
    networkId: world.network.id,
    title: 'Volunteer foundation',
    modules: [[{ title: 'Welcome' }, { title: 'Ethics' }], [{ title: 'Listening' }, { title: 'Quiz' }]],
  });
  const courseOfB = await createPublishedCourse(t.prisma, { networkId: world.network.id, organisationId: world.orgB.id, title: 'Only for B' });
  return { world, as, networkCourse, courseOfB };
}

/** A published learning path of the network over these courses, in order. */
export async function createPath(prisma: PrismaService, networkId: string, courseIds: string[], title = 'Leader track') {
  return prisma.learningPath.create({
    data: {
      networkId,
      status: 'PUBLISHED',
      titles: { en: title },
      courses: { create: courseIds.map((courseId, position) => ({ courseId, position })) },
    },
  });
}

/** Marks lessons done the way the learning module keeps them: progress rows plus the counters. */
export async function recordProgress(prisma: PrismaService, enrolmentId: string, lessonIds: string[], completedAt?: Date) {
  for (const lessonId of lessonIds) {
    await prisma.lessonProgress.create({ data: { enrolmentId, lessonId, status: 'COMPLETED', completedAt: new Date() } });
  }
  const enrolment = await prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
  const done = enrolment.completedLessons + lessonIds.length;
  return prisma.courseEnrolment.update({
    where: { id: enrolmentId },
    data: {
      completedLessons: done,
      lastLessonId: lessonIds.at(-1) ?? enrolment.lastLessonId,
      ...(completedAt ? { status: 'COMPLETED', completedAt } : {}),
    },
  });
}
