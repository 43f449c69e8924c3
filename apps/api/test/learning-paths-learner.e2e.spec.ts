import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerPathListSchema, learnerPathSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

/** GET /api/learning/paths and /api/learning/paths/:id: learning paths on the learner's side. */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let volunteerA: TestClient;
let volunteerB: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
});
afterAll(async () => t?.close());

async function path(data: { networkId: string; organisationId?: string; status?: 'PUBLISHED' | 'DRAFT'; titles: object; courseIds: string[] }) {
  const created = await t.prisma.learningPath.create({
    data: { networkId: data.networkId, organisationId: data.organisationId ?? null, status: data.status ?? 'PUBLISHED', titles: data.titles, summaries: { en: 'Step by step' } },
  });
  await t.prisma.learningPathCourse.createMany({ data: data.courseIds.map((courseId, position) => ({ pathId: created.id, courseId, position })) });
  return created;
}

describe('learning paths for learners', () => {
  it('shows the courses in order, what is done, what is next and the certificate it leads to', async () => {
    const first = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Welcome to the network' });
    const second = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'First aid basics' });
    const p = await path({ networkId: world.network.id, titles: { en: 'Foundation', fr: 'Socle commun' }, courseIds: [first.course.id, second.course.id] });
    const type = await t.prisma.certificateType.create({
      data: { networkId: world.network.id, names: { en: 'Foundation volunteer', fr: 'Bénévole socle' }, rule: { create: { learningPathId: p.id, courseIds: [] } } },
    });

    const before = learnerPathSchema.parse((await volunteerA.get(`/api/learning/paths/${p.id}`)).body);
    expect(before).toMatchObject({
      title: 'Foundation',
      state: 'NOT_STARTED',
      completedCourses: 0,
      totalCourses: 2,
      progressPercent: 0,
      nextCourseId: first.course.id,
      certificate: { typeId: type.id, name: 'Foundation volunteer', certificateId: null },
    });
    expect(before.courses.map((c) => [c.title, c.learner.state, c.next])).toEqual([
      ['Welcome to the network', 'NOT_ENROLLED', true],
      ['First aid basics', 'NOT_ENROLLED', false],
    ]);

    const enrolmentId = await enrol(volunteerA, first.course.id);
    await completeLesson(volunteerA, enrolmentId, first.lessons[0]!.id);
    await enrol(volunteerA, second.course.id);
    const during = learnerPathSchema.parse((await volunteerA.get(`/api/learning/paths/${p.id}`)).body);
    expect(during).toMatchObject({ state: 'IN_PROGRESS', completedCourses: 1, progressPercent: 50, nextCourseId: second.course.id });
    expect(during.courses.map((c) => [c.learner.state, c.next])).toEqual([
      ['COMPLETED', false],
      ['NOT_STARTED', true],
    ]);

    const certificate = await t.prisma.certificate.create({
      data: {
        code: randomBytes(6).toString('hex'),
        certificateTypeId: type.id,
        holderUserId: world.volunteerA.id,
        organisationId: world.orgA.id,
        networkId: world.network.id,
        reason: 'course-completed',
        holderName: world.volunteerA.name,
        language: 'en',
        statusListIndex: 90_001,
      },
    });
    expect((await volunteerA.get(`/api/learning/paths/${p.id}`)).body.certificate.certificateId).toBe(certificate.id);
    // Another learner's progress is theirs alone.
    expect((await volunteerB.get(`/api/learning/paths/${p.id}`)).body).toMatchObject({ state: 'NOT_STARTED', certificate: { certificateId: null } });
  });

  it('lists only published paths of one’s network and organisation; others answer 404', async () => {
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id });
    const network = await path({ networkId: world.network.id, titles: { en: 'Network path' }, courseIds: [course.course.id] });
    const ownOrg = await path({ networkId: world.network.id, organisationId: world.orgB.id, titles: { en: 'Org B path' }, courseIds: [course.course.id] });
    const draft = await path({ networkId: world.network.id, status: 'DRAFT', titles: { en: 'Draft path' }, courseIds: [course.course.id] });
    const foreign = await path({ networkId: world.otherNetwork.id, titles: { en: 'Other network path' }, courseIds: [] });

    const listA = learnerPathListSchema.parse((await volunteerA.get('/api/learning/paths')).body).items.map((i) => i.id);
    expect(listA).toContain(network.id);
    expect(listA).not.toContain(ownOrg.id);
    expect(listA).not.toContain(draft.id);
    expect(listA).not.toContain(foreign.id);
    const listB = learnerPathListSchema.parse((await volunteerB.get('/api/learning/paths')).body).items.map((i) => i.id);
    expect(listB).toEqual(expect.arrayContaining([network.id, ownOrg.id]));

    for (const id of [ownOrg.id, draft.id, foreign.id]) {
      const answer = await volunteerA.get(`/api/learning/paths/${id}`);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/Org B path|Draft path|Other network path/);
    }
    expect((await volunteerB.get(`/api/learning/paths/${ownOrg.id}`)).status).toBe(200);
  });
});
