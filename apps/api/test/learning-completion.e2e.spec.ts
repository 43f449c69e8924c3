import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerCourseSchema, myLearningSchema } from '@tadamon/shared';
import { CertificatesService } from '../src/modules/certificates/certificates.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => t?.close());

const oneLessonCourse = (title: string) => createPublishedCourse(t.prisma, { networkId: world.network.id, title, modules: [[{}]] });

async function learner(language = 'en') {
  const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
  await t.prisma.user.update({ where: { id: user.id }, data: { preferredLanguage: language } });
  return { user, client: await signedIn(t, user.email) };
}

async function finish(client: Awaited<ReturnType<typeof learner>>['client'], c: Awaited<ReturnType<typeof oneLessonCourse>>) {
  const enrolmentId = await enrol(client, c.course.id);
  const answer = await completeLesson(client, enrolmentId, c.lessons[0]!.id);
  expect(answer.courseCompleted).toBe(true);
  return enrolmentId;
}

async function certificateType(validityMonths: number | null, rule: { courseIds?: string[]; learningPathId?: string; renewalCourseId?: string }) {
  const type = await t.prisma.certificateType.create({
    data: { networkId: world.network.id, names: { en: `Type ${Math.random()}` }, validityMonths },
  });
  await t.prisma.certificateTypeRule.create({ data: { certificateTypeId: type.id, courseIds: rule.courseIds ?? [], learningPathId: rule.learningPathId ?? null, renewalCourseId: rule.renewalCourseId ?? null } });
  return type;
}

/** Jobs chain (completion → certificate → PDF): wait until the queue is idle and the rows are there. */
async function settle(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await t.jobs.drain();
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const certificates = (userId: string, typeId: string) =>
  t.prisma.certificate.findMany({ where: { holderUserId: userId, certificateTypeId: typeId }, orderBy: { cycle: 'asc' } });

describe('completion', () => {
  it('completes once and sends one completion e-mail in the learner’s language', async () => {
    const c = await oneLessonCourse('Premiers secours');
    const { user, client } = await learner('fr');
    const enrolmentId = await finish(client, c);
    const mail = await t.mailbox.waitFor(user.email, (m) => m.subject === 'Cours terminé : Premiers secours');
    expect(mail.text).toContain('Vous avez terminé le cours « Premiers secours »');
    expect(mail.text).toContain(`http://tadamon.test/learning/courses/${c.course.id}`);
    // The same event again changes nothing and mails nobody.
    expect((await completeLesson(client, enrolmentId, c.lessons[0]!.id)).courseCompleted).toBe(true);
    await t.jobs.drain();
    await new Promise((r) => setTimeout(r, 500));
    expect(t.mailbox.for(user.email)).toHaveLength(1);
    const enrolment = await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(enrolment.status).toBe('COMPLETED');
    expect(enrolment.completedAt).not.toBeNull();
  });
});

describe('certificates earned by completion', () => {
  it('issues when every course of the rule is completed — exactly once, even with duplicate jobs', async () => {
    const a = await oneLessonCourse('Part A');
    const b = await oneLessonCourse('Part B');
    const type = await certificateType(24, { courseIds: [a.course.id, b.course.id] });
    const { user, client } = await learner();
    await finish(client, a);
    await settle(async () => false, 1500);
    expect(await certificates(user.id, type.id)).toHaveLength(0);

    await finish(client, b);
    await settle(async () => (await certificates(user.id, type.id)).length > 0);
    // A retried or duplicated job (another id, at the same moment) must not issue a second one.
    const payload = { certificateTypeId: type.id, userId: user.id, organisationId: world.orgA.id };
    await Promise.all([
      t.jobs.enqueue('learning.issue-certificate', payload, { jobId: `dup-1-${user.id}` }),
      t.jobs.enqueue('learning.issue-certificate', payload, { jobId: `dup-2-${user.id}` }),
    ]);
    await settle(async () => false, 1500);
    const issued = await certificates(user.id, type.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ reason: 'course-completed', cycle: 1, issuedById: null, organisationId: world.orgA.id });

    const page = learnerCourseSchema.parse((await client.get(`/api/learning/courses/${b.course.id}`)).body);
    expect(page.certificateId).toBe(issued[0]!.id);
    const mine = myLearningSchema.parse((await client.get('/api/me/learning')).body);
    expect(mine.completed.find((i) => i.courseId === b.course.id)!.certificateId).toBe(issued[0]!.id);
  });

  it('issues for a learning path once all its courses are completed', async () => {
    const first = await oneLessonCourse('Path one');
    const second = await oneLessonCourse('Path two');
    const path = await t.prisma.learningPath.create({ data: { networkId: world.network.id, status: 'PUBLISHED', titles: { en: 'Volunteer foundation' } } });
    await t.prisma.learningPathCourse.createMany({ data: [{ pathId: path.id, courseId: first.course.id, position: 0 }, { pathId: path.id, courseId: second.course.id, position: 1 }] });
    const type = await certificateType(null, { learningPathId: path.id });
    const { user, client } = await learner();
    await finish(client, first);
    await settle(async () => false, 1500);
    expect(await certificates(user.id, type.id)).toHaveLength(0);
    await finish(client, second);
    await settle(async () => (await certificates(user.id, type.id)).length > 0);
    expect(await certificates(user.id, type.id)).toHaveLength(1);
  });

  it('a refresher course renews an expiring certificate as its next cycle, once', async () => {
    const refresher = await oneLessonCourse('First aid refresher');
    const type = await certificateType(12, { courseIds: [], renewalCourseId: refresher.course.id });
    const { user, client } = await learner();
    const service = t.app.get(CertificatesService);
    const { certificate } = await service.issue({ certificateTypeId: type.id, holderUserId: user.id, organisationId: world.orgA.id, reason: 'assessor', issuedById: world.leaderA.id });
    // It expired last week.
    await t.prisma.certificate.update({ where: { id: certificate.id }, data: { expiresAt: new Date(Date.now() - 7 * 24 * 3600_000) } });

    await finish(client, refresher);
    await settle(async () => (await certificates(user.id, type.id)).length > 1);
    await t.jobs.enqueue('learning.issue-certificate', { certificateTypeId: type.id, userId: user.id, organisationId: world.orgA.id, cycle: 2 }, { jobId: `renew-dup-${user.id}` });
    await settle(async () => false, 1500);
    const all = await certificates(user.id, type.id);
    expect(all.map((c) => [c.cycle, c.reason])).toEqual([[1, 'assessor'], [2, 'course-completed']]);
    expect(all[1]!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('a refresher completed by someone who never held the certificate issues nothing', async () => {
    const refresher = await oneLessonCourse('Refresher only');
    const type = await certificateType(12, { renewalCourseId: refresher.course.id });
    const { user, client } = await learner();
    await finish(client, refresher);
    await settle(async () => false, 1500);
    expect(await certificates(user.id, type.id)).toHaveLength(0);
  });
});
