import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOffQueueSchema, type SignOffQueueItem } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { enrol, lessonUrl, progress, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

/** GET /api/learning/sign-off-queue: the practical tasks waiting for an assessor. */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let volunteerA: TestClient;
let volunteerB: TestClient;
let leaderA: TestClient;
let leaderB: TestClient;
let coordinator: TestClient;
let otherCoordinator: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
  leaderA = await signedIn(t, world.leaderA.email);
  leaderB = await signedIn(t, world.leaderB.email);
  coordinator = await signedIn(t, world.coordinator.email);
  otherCoordinator = await signedIn(t, world.otherCoordinator.email);
});
afterAll(async () => t?.close());

async function queueOf(client: TestClient): Promise<SignOffQueueItem[]> {
  const answer = await client.get('/api/learning/sign-off-queue');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return signOffQueueSchema.parse(answer.body).items;
}

describe('the sign-off queue', () => {
  it('lists opened practical tasks for the leader of the learner’s organisation and the network’s coordinators only, with the checklist', async () => {
    const c = await createPublishedCourse(t.prisma, { networkId: world.network.id, modules: [[{ practical: true }, { practical: true }]] });
    const [first, second] = c.lessons;
    await t.prisma.courseLesson.update({
      where: { id: first!.id },
      data: { titles: { en: 'CPR on a dummy', fr: 'RCP sur mannequin' }, practicalInstructions: { en: '- 30 compressions\n- **2 breaths**' } },
    });
    const enrolmentA = await enrol(volunteerA, c.course.id);
    const enrolmentB = await enrol(volunteerB, c.course.id);
    // Enrolled but the task not opened yet: nothing waits.
    expect(await queueOf(leaderA)).toEqual([]);

    await progress(volunteerA, enrolmentA, first!.id, 'started');
    await progress(volunteerB, enrolmentB, first!.id, 'started');

    const forLeaderA = await queueOf(leaderA);
    expect(forLeaderA).toHaveLength(1);
    expect(forLeaderA[0]).toMatchObject({
      enrolmentId: enrolmentA,
      lessonId: first!.id,
      learner: { id: world.volunteerA.id, name: world.volunteerA.name },
      organisationName: 'Org A',
      courseId: c.course.id,
      lessonTitle: 'CPR on a dummy',
      lastDecision: null,
    });
    expect(forLeaderA[0]!.instructionsHtml).toContain('<li>30 compressions</li>');
    expect(forLeaderA[0]!.instructionsHtml).toContain('<strong>2 breaths</strong>');
    expect((await queueOf(leaderB)).map((i) => i.enrolmentId)).toEqual([enrolmentB]);
    expect((await queueOf(coordinator)).map((i) => i.enrolmentId).sort()).toEqual([enrolmentA, enrolmentB].sort());
    expect(await queueOf(otherCoordinator)).toEqual([]);
    expect((await volunteerA.get('/api/learning/sign-off-queue')).status).toBe(403);

    // Sent back: still waiting, with the comment; passed: gone, and the next task is not opened yet.
    const url = `${lessonUrl(enrolmentA, first!.id)}/sign-offs`;
    expect((await leaderA.post(url, { result: 'NOT_YET', comment: 'Hands higher on the chest.' })).status).toBe(201);
    const sentBack = await queueOf(coordinator);
    expect(sentBack.find((i) => i.enrolmentId === enrolmentA)?.lastDecision).toMatchObject({ result: 'NOT_YET', comment: 'Hands higher on the chest.' });
    expect((await coordinator.post(url, { result: 'PASSED', comment: '' })).status).toBe(201);
    expect(await queueOf(leaderA)).toEqual([]);
    expect((await queueOf(coordinator)).map((i) => [i.enrolmentId, i.lessonId])).toEqual([[enrolmentB, first!.id]]);
    await progress(volunteerA, enrolmentA, second!.id, 'started');
    expect((await queueOf(leaderA)).map((i) => i.lessonId)).toEqual([second!.id]);
  });

  it('never lists the assessor’s own tasks nor those of people who left the course', async () => {
    const c = await createPublishedCourse(t.prisma, { networkId: world.network.id, modules: [[{ practical: true }]] });
    const own = await enrol(leaderA, c.course.id);
    await progress(leaderA, own, c.lessons[0]!.id, 'started');
    expect((await queueOf(leaderA)).map((i) => i.enrolmentId)).not.toContain(own);
    expect((await queueOf(coordinator)).map((i) => i.enrolmentId)).toContain(own);

    const left = await enrol(volunteerA, c.course.id);
    await progress(volunteerA, left, c.lessons[0]!.id, 'started');
    expect((await queueOf(leaderA)).map((i) => i.enrolmentId)).toContain(left);
    expect((await volunteerA.delete(`/api/learning/courses/${c.course.id}/enrolment`)).status).toBe(204);
    expect((await queueOf(leaderA)).map((i) => i.enrolmentId)).not.toContain(left);
  });
});
