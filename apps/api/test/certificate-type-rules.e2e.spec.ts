import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateTypeListSchema, certificateTypeSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

/** Coordinators say which courses or learning path earn a certificate type, and which course renews it. */

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let coordinator: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  // The coordinator reads French: titles in the answers must follow.
  await t.prisma.user.update({ where: { id: world.coordinator.id }, data: { preferredLanguage: 'fr' } });
  coordinator = await signedIn(t, world.coordinator.email);
  leader = await signedIn(t, world.leaderA.email);
});
afterAll(async () => t?.close());

const typesUrl = () => `/api/networks/${world.network.id}/certificate-types`;
const oneLessonCourse = (title: string, networkId = world.network.id) =>
  createPublishedCourse(t.prisma, { networkId, title, modules: [[{}]] });
type Course = Awaited<ReturnType<typeof oneLessonCourse>>;

async function createType(body: Record<string, unknown>, client = coordinator) {
  return client.post(typesUrl(), { names: { en: `Type ${Math.random()}` }, ...body });
}

async function createdType(body: Record<string, unknown>) {
  const answer = await createType(body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return certificateTypeSchema.parse(answer.body);
}

async function learner() {
  const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
  return { user, client: await signedIn(t, user.email) };
}

async function finish(client: TestClient, course: Course) {
  const enrolmentId = await enrol(client, course.course.id);
  expect((await completeLesson(client, enrolmentId, course.lessons[0]!.id)).courseCompleted).toBe(true);
}

/** Completion queues the certificate job; wait until the queue is idle and `check` holds. */
async function settle(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await t.jobs.drain();
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const quietly = () => settle(async () => false, 1500);

const certificates = (userId: string, typeId: string) =>
  t.prisma.certificate.findMany({ where: { holderUserId: userId, certificateTypeId: typeId }, orderBy: { cycle: 'asc' } });

describe('earned by courses', () => {
  it('a learner who completes both courses gets the certificate automatically; one is not enough', async () => {
    const a = await oneLessonCourse('Listening');
    const b = await oneLessonCourse('Referral');
    await t.prisma.course.update({ where: { id: a.course.id }, data: { titles: { en: 'Listening', fr: 'Écoute active' } } });
    const type = await createdType({ validityMonths: 24, earnedBy: { courseIds: [a.course.id, b.course.id] } });
    // The answer names the courses, in the coordinator's language where there is one.
    expect(type.earnedBy).toEqual({
      kind: 'courses',
      courses: [
        { id: a.course.id, title: 'Écoute active', status: 'PUBLISHED' },
        { id: b.course.id, title: 'Referral', status: 'PUBLISHED' },
      ],
    });
    expect(type.renewalCourse).toBeNull();

    const { user, client } = await learner();
    await finish(client, a);
    await quietly();
    expect(await certificates(user.id, type.id)).toHaveLength(0);
    await finish(client, b);
    await settle(async () => (await certificates(user.id, type.id)).length > 0);
    const issued = await certificates(user.id, type.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ reason: 'course-completed', cycle: 1 });
  });

  it('the list shows each type’s rule to coordinators, and no rule to other members', async () => {
    const course = await oneLessonCourse('Safeguarding basics');
    const type = await createdType({ earnedBy: { courseIds: [course.course.id] } });
    const mine = certificateTypeListSchema.parse((await coordinator.get(typesUrl())).body).items.find((i) => i.id === type.id)!;
    expect(mine.earnedBy).toEqual({ kind: 'courses', courses: [{ id: course.course.id, title: 'Safeguarding basics', status: 'PUBLISHED' }] });
    const volunteer = await signedIn(t, world.volunteerA.email);
    const theirs = (await volunteer.get(typesUrl())).body.items.find((i: { id: string }) => i.id === type.id);
    expect(theirs).toBeDefined();
    expect(theirs).not.toHaveProperty('earnedBy');
    expect(theirs).not.toHaveProperty('renewalCourse');
  });

  it('accepts a draft course, so the first people to complete it after publishing get the certificate', async () => {
    const draft = await oneLessonCourse('Coming soon');
    await t.prisma.course.update({ where: { id: draft.course.id }, data: { status: 'DRAFT' } });
    const type = await createdType({ earnedBy: { courseIds: [draft.course.id] } });
    expect(type.earnedBy).toMatchObject({ kind: 'courses', courses: [{ id: draft.course.id, status: 'DRAFT' }] });
  });
});

describe('earned by a learning path', () => {
  it('issues once every course of the path is completed', async () => {
    const first = await oneLessonCourse('Path step one');
    const second = await oneLessonCourse('Path step two');
    const path = await t.prisma.learningPath.create({
      data: { networkId: world.network.id, status: 'PUBLISHED', titles: { en: 'Foundation', fr: 'Socle commun' } },
    });
    await t.prisma.learningPathCourse.createMany({
      data: [
        { pathId: path.id, courseId: first.course.id, position: 0 },
        { pathId: path.id, courseId: second.course.id, position: 1 },
      ],
    });
    const type = await createdType({ earnedBy: { learningPathId: path.id } });
    expect(type.earnedBy).toEqual({ kind: 'learningPath', learningPath: { id: path.id, title: 'Socle commun', status: 'PUBLISHED' } });

    const { user, client } = await learner();
    await finish(client, first);
    await quietly();
    expect(await certificates(user.id, type.id)).toHaveLength(0);
    await finish(client, second);
    await settle(async () => (await certificates(user.id, type.id)).length > 0);
    expect(await certificates(user.id, type.id)).toHaveLength(1);
  });
});

describe('renewal', () => {
  it('completing the refresher course renews an expired certificate as its next cycle', async () => {
    const course = await oneLessonCourse('First aid');
    const refresher = await oneLessonCourse('First aid refresher');
    const type = await createdType({ validityMonths: 12, earnedBy: { courseIds: [course.course.id] }, renewalCourseId: refresher.course.id });
    expect(type.renewalCourse).toEqual({ id: refresher.course.id, title: 'First aid refresher', status: 'PUBLISHED' });

    const { user, client } = await learner();
    await finish(client, course);
    await settle(async () => (await certificates(user.id, type.id)).length > 0);
    const [first] = await certificates(user.id, type.id);
    await t.prisma.certificate.update({ where: { id: first!.id }, data: { expiresAt: new Date(Date.now() - 24 * 3600_000) } });

    await finish(client, refresher);
    await settle(async () => (await certificates(user.id, type.id)).length > 1);
    const all = await certificates(user.id, type.id);
    expect(all.map((c) => c.cycle)).toEqual([1, 2]);
    expect(all[1]!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('can be set by itself on an assessor-only type, but only if the certificate expires', async () => {
    const refresher = await oneLessonCourse('Refresher for assessed skill');
    const type = await createdType({ validityMonths: 6, renewalCourseId: refresher.course.id });
    expect(type.earnedBy).toBeNull();
    expect(type.renewalCourse?.id).toBe(refresher.course.id);

    const never = await createType({ validityMonths: null, renewalCourseId: refresher.course.id });
    expect([never.status, never.body.code]).toEqual([422, 'CERTIFICATE_RULE_RENEWAL_NEEDS_EXPIRY']);
    // Nor can the validity be taken away while a refresher renews it.
    const endless = await coordinator.patch(`/api/certificate-types/${type.id}`, { validityMonths: null });
    expect([endless.status, endless.body.code]).toEqual([422, 'CERTIFICATE_RULE_RENEWAL_NEEDS_EXPIRY']);
    expect((await t.prisma.certificateType.findUniqueOrThrow({ where: { id: type.id } })).validityMonths).toBe(6);
  });
});

describe('refused rules', () => {
  const typeCount = () => t.prisma.certificateType.count({ where: { networkId: world.network.id } });

  it('an unknown course, another network’s course, both courses and a path, or an archived course — and nothing is written', async () => {
    const mine = await oneLessonCourse('Ours');
    const theirs = await oneLessonCourse('Theirs', world.otherNetwork.id);
    const archived = await oneLessonCourse('Old course');
    await t.prisma.course.update({ where: { id: archived.course.id }, data: { status: 'ARCHIVED' } });
    const path = await t.prisma.learningPath.create({ data: { networkId: world.network.id, status: 'PUBLISHED', titles: { en: 'P' } } });
    const before = await typeCount();

    const unknown = await createType({ earnedBy: { courseIds: [mine.course.id, '7d0f3b52-3c43-4e57-9d0a-6a1f9b1e2c33'] } });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'CERTIFICATE_RULE_COURSE_NOT_FOUND']);
    expect(unknown.body.details).toEqual({ field: 'earnedBy.courseIds', id: '7d0f3b52-3c43-4e57-9d0a-6a1f9b1e2c33' });

    // This coordinator cannot see the other network: its course is as good as absent.
    const foreign = await createType({ earnedBy: { courseIds: [theirs.course.id] } });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'CERTIFICATE_RULE_COURSE_NOT_FOUND']);
    const foreignRenewal = await createType({ validityMonths: 12, renewalCourseId: theirs.course.id });
    expect([foreignRenewal.status, foreignRenewal.body.code, foreignRenewal.body.details.field]).toEqual([422, 'CERTIFICATE_RULE_COURSE_NOT_FOUND', 'renewalCourseId']);

    const both = await createType({ earnedBy: { courseIds: [mine.course.id], learningPathId: path.id } });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(both.body.details.fields.earnedBy[0].message).toBe('coursesOrPath');

    const twice = await createType({ earnedBy: { courseIds: [mine.course.id, mine.course.id] } });
    expect([twice.status, twice.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const old = await createType({ earnedBy: { courseIds: [archived.course.id] } });
    expect([old.status, old.body.code]).toEqual([422, 'CERTIFICATE_RULE_COURSE_ARCHIVED']);

    const unknownPath = await createType({ earnedBy: { learningPathId: '2c9a1e0b-8f5d-4f3a-b6c2-1d4e7a9b0c11' } });
    expect([unknownPath.status, unknownPath.body.code]).toEqual([422, 'CERTIFICATE_RULE_PATH_NOT_FOUND']);

    expect(await typeCount()).toBe(before);
  });

  it('a coordinator of two networks is told the course belongs to the other one', async () => {
    const dual = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    await t.prisma.networkMembership.create({ data: { userId: dual.id, networkId: world.otherNetwork.id, role: 'COORDINATOR' } });
    const client = await signedIn(t, dual.email);
    const theirs = await oneLessonCourse('Other network course', world.otherNetwork.id);
    const path = await t.prisma.learningPath.create({ data: { networkId: world.otherNetwork.id, status: 'PUBLISHED', titles: { en: 'Elsewhere' } } });
    const course = await createType({ earnedBy: { courseIds: [theirs.course.id] } }, client);
    expect([course.status, course.body.code]).toEqual([422, 'CERTIFICATE_RULE_COURSE_WRONG_NETWORK']);
    const onPath = await createType({ earnedBy: { learningPathId: path.id } }, client);
    expect([onPath.status, onPath.body.code]).toEqual([422, 'CERTIFICATE_RULE_PATH_WRONG_NETWORK']);
  });

  it('a leader may not set rules (403), neither on a new type nor on an existing one', async () => {
    const course = await oneLessonCourse('Leader attempt');
    const created = await createType({ earnedBy: { courseIds: [course.course.id] } }, leader);
    expect([created.status, created.body.code]).toEqual([403, 'FORBIDDEN']);
    const type = await createdType({});
    const changed = await leader.patch(`/api/certificate-types/${type.id}`, { earnedBy: { courseIds: [course.course.id] } });
    expect([changed.status, changed.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await t.prisma.certificateTypeRule.findUnique({ where: { certificateTypeId: type.id } })).toBeNull();
  });

  it('a refused change leaves the type and its old rule whole', async () => {
    const course = await oneLessonCourse('Kept course');
    const type = await createdType({ names: { en: 'Kept' }, earnedBy: { courseIds: [course.course.id] } });
    const refused = await coordinator.patch(`/api/certificate-types/${type.id}`, {
      names: { en: 'Renamed' },
      earnedBy: { courseIds: ['0e6f2b8c-5a1d-4c7e-9f3b-2a8d6c4e1f00'] },
    });
    expect(refused.status).toBe(422);
    const stored = await t.prisma.certificateType.findUniqueOrThrow({ where: { id: type.id }, include: { rule: true } });
    expect(stored.names).toEqual({ en: 'Kept' });
    expect(stored.rule?.courseIds).toEqual([course.course.id]);
  });
});

describe('changing a rule', () => {
  it('leaves certificates already issued alone, and decides only what later completions earn', async () => {
    const before = await oneLessonCourse('Old way in');
    const after = await oneLessonCourse('New way in');
    const type = await createdType({ validityMonths: 24, earnedBy: { courseIds: [before.course.id] } });
    const early = await learner();
    await finish(early.client, before);
    await settle(async () => (await certificates(early.user.id, type.id)).length > 0);
    const [held] = await certificates(early.user.id, type.id);

    const changed = await coordinator.patch(`/api/certificate-types/${type.id}`, { earnedBy: { courseIds: [after.course.id] } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.earnedBy.courses.map((c: { id: string }) => c.id)).toEqual([after.course.id]);
    expect(await certificates(early.user.id, type.id)).toEqual([held]);

    // The old course no longer earns it; the new one does.
    const late = await learner();
    await finish(late.client, before);
    await quietly();
    expect(await certificates(late.user.id, type.id)).toHaveLength(0);
    await finish(late.client, after);
    await settle(async () => (await certificates(late.user.id, type.id)).length > 0);
    expect(await certificates(late.user.id, type.id)).toHaveLength(1);

    // Back to assessor only: the rule goes, the certificates stay.
    const cleared = await coordinator.patch(`/api/certificate-types/${type.id}`, { earnedBy: null });
    expect(cleared.body.earnedBy).toBeNull();
    expect(await t.prisma.certificateTypeRule.findUnique({ where: { certificateTypeId: type.id } })).toBeNull();
    expect(await certificates(early.user.id, type.id)).toEqual([held]);

    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'certificate_type.updated', actorId: world.coordinator.id }, orderBy: { at: 'asc' } });
    const ruleChanges = audit.map((e) => e.details as { certificateTypeId: string; rule?: unknown }).filter((d) => d.certificateTypeId === type.id);
    expect(ruleChanges.map((d) => d.rule)).toEqual([
      { before: { courseIds: [before.course.id], learningPathId: null, renewalCourseId: null }, after: { courseIds: [after.course.id], learningPathId: null, renewalCourseId: null } },
      { before: { courseIds: [after.course.id], learningPathId: null, renewalCourseId: null }, after: null },
    ]);
  });

  it('a course archived since may stay in the rule when the coordinator edits the type', async () => {
    const course = await oneLessonCourse('Retired later');
    const other = await oneLessonCourse('Still running');
    const type = await createdType({ earnedBy: { courseIds: [course.course.id] } });
    await t.prisma.course.update({ where: { id: course.course.id }, data: { status: 'ARCHIVED' } });
    const renamed = await coordinator.patch(`/api/certificate-types/${type.id}`, {
      names: { en: 'Renamed' },
      earnedBy: { courseIds: [course.course.id, other.course.id] },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.earnedBy.courses.map((c: { status: string }) => c.status)).toEqual(['ARCHIVED', 'PUBLISHED']);
  });
});
