import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { enrol } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { Author } from './courses-authoring.support.js';

/**
 * An id of something private to another organisation tells nothing: Org B's leader gets the
 * very answer an unknown id gets (404, same body but the request id). 403 stays for what they
 * may see but not change.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['coordinator', 'leaderA', 'volunteerA', 'leaderB'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => {
  await t?.close();
});

const withoutRequestId = (response: Response) => ({ status: response.status, body: { ...response.body, requestId: undefined } });

/**
 * `send(id)` with the private id and with a made-up one answer the same 404. `rows` counts what
 * the request could have changed, and must not move.
 */
async function expectSameAsUnknown(send: (id: string) => Promise<Response>, privateId: string, rows?: () => Promise<unknown>) {
  const before = await rows?.();
  const hidden = await send(privateId);
  const unknown = await send(randomUUID());
  expect(hidden.status, JSON.stringify(hidden.body)).toBe(404);
  expect(hidden.body.code).toBe('NOT_FOUND');
  expect(withoutRequestId(hidden)).toEqual(withoutRequestId(unknown));
  if (rows) expect(await rows()).toEqual(before);
}

describe('another organisation’s private ids answer like unknown ones', () => {
  it('accreditation assessments', async () => {
    const framework = await as.coordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, {
      titles: { en: 'Quality framework' },
      validityMonths: 24,
      sections: [{ titles: { en: 'Governance' }, criteria: [{ titles: { en: 'A yearly assembly' } }] }],
    });
    expect(framework.status, JSON.stringify(framework.body)).toBe(201);
    await as.coordinator!.post(`/api/accreditation-frameworks/${framework.body.id}/publish`, {});
    const started = await as.leaderA!.post(`/api/organisations/${world.orgA.id}/accreditation-assessments`, { frameworkId: framework.body.id });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const criterionId = started.body.framework.sections[0].criteria[0].id;
    const answers = () => t.prisma.accreditationAnswer.findMany({ where: { assessmentId: started.body.id } });

    await expectSameAsUnknown((id) => as.leaderB!.get(`/api/accreditation-assessments/${id}`), started.body.id);
    await expectSameAsUnknown(
      (id) => as.leaderB!.put(`/api/accreditation-assessments/${id}/answers/${criterionId}`, { statement: 'Ours now', evidenceMaterialIds: [], revision: started.body.revision }),
      started.body.id,
      answers,
    );
    await expectSameAsUnknown((id) => as.leaderB!.post(`/api/accreditation-assessments/${id}/submit`, { revision: started.body.revision }), started.body.id);
    // The network's coordinator sees it (they review it) but never writes in it: 403.
    const byCoordinator = await as.coordinator!.put(`/api/accreditation-assessments/${started.body.id}/answers/${criterionId}`, {
      statement: 'Written for them', evidenceMaterialIds: [], revision: started.body.revision,
    });
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('course-authoring courses and versions, drafts included', async () => {
    // Published for Org A's members only, and a draft of Org A: both private to Org A.
    const privateCourse = await createPublishedCourse(t.prisma, { networkId: world.network.id, organisationId: world.orgA.id, enrolmentPolicy: 'ORGANISATION', title: 'Org A only' });
    const leaderA = await Author.signIn(t, world.leaderA);
    const draft = await leaderA.createCourse({ networkId: world.network.id, organisationId: world.orgA.id, enrolmentPolicy: 'NETWORK', title: 'Org A draft' });
    const leaderB = await Author.signIn(t, world.leaderB);

    for (const courseId of [privateCourse.course.id, draft.course.id]) {
      await expectSameAsUnknown((id) => leaderB.get(`/courses/${id}`), courseId);
      await expectSameAsUnknown((id) => leaderB.send('post', `/courses/${id}/archive`), courseId);
      await expectSameAsUnknown((id) => leaderB.client.put(`/api/course-authoring/courses/${id}/prerequisites/${randomUUID()}`), courseId);
    }
    for (const versionId of [privateCourse.version.id, draft.version.id]) {
      await expectSameAsUnknown((id) => leaderB.get(`/versions/${id}`), versionId);
      await expectSameAsUnknown((id) => leaderB.send('post', `/versions/${id}/modules`, { titles: { en: 'Intrusion' } }), versionId, () =>
        t.prisma.courseModule.count({ where: { versionId } }),
      );
    }

    // A network course of Org A, published for everyone: seen, not changeable (403) — but its
    // next draft is still Org A's alone (404).
    const open = await createPublishedCourse(t.prisma, { networkId: world.network.id, organisationId: world.orgA.id, enrolmentPolicy: 'NETWORK', title: 'Org A open' });
    leaderA.revision = open.course.revision;
    const nextDraft = await leaderA.ok('post', `/courses/${open.course.id}/versions`);
    expect((await leaderB.get(`/courses/${open.course.id}`)).status).toBe(403);
    expect((await leaderB.get(`/versions/${open.version.id}`)).status).toBe(403);
    await expectSameAsUnknown((id) => leaderB.get(`/versions/${id}`), nextDraft.version.id);

    // Learning paths likewise: Org A's own path is Org A's (404); a network path is seen (403).
    const path = (data: { organisationId: string | null; title: string }) =>
      t.prisma.learningPath.create({ data: { networkId: world.network.id, organisationId: data.organisationId, status: 'PUBLISHED', titles: { en: data.title } } });
    const orgPath = await path({ organisationId: world.orgA.id, title: 'Org A track' });
    const networkPath = await path({ organisationId: null, title: 'Network track' });
    await expectSameAsUnknown((id) => leaderB.get(`/paths/${id}`), orgPath.id);
    expect((await leaderB.get(`/paths/${networkPath.id}`)).status).toBe(403);
  });

  it('cohorts and their members', async () => {
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Network course for cohorts' });
    const created = await as.leaderA!.post('/api/course-cohorts', {
      courseId: course.course.id, organisationId: world.orgA.id, name: 'Org A April', startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-30T18:00:00Z',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await as.leaderA!.post(`/api/course-cohorts/${created.body.id}/members`, { userIds: [world.volunteerA.id] })).status).toBe(201);
    const members = () => t.prisma.courseEnrolment.findMany({ where: { cohortId: created.body.id }, orderBy: { id: 'asc' } });

    await expectSameAsUnknown((id) => as.leaderB!.get(`/api/course-cohorts/${id}`), created.body.id);
    await expectSameAsUnknown((id) => as.leaderB!.patch(`/api/course-cohorts/${id}`, { name: 'Taken over' }), created.body.id);
    await expectSameAsUnknown((id) => as.leaderB!.post(`/api/course-cohorts/${id}/members`, { userIds: [world.volunteerB.id] }), created.body.id, members);
    await expectSameAsUnknown((id) => as.leaderB!.delete(`/api/course-cohorts/${id}/members/${world.volunteerA.id}`), created.body.id, members);
  });

  it('practical sign-offs and course assignments', async () => {
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'First aid practice', modules: [[{ practical: true }]] });
    const enrolmentId = await enrol(as.volunteerA!, course.course.id);
    const lessonId = course.lessons[0]!.id;
    const signOffs = () => t.prisma.practicalSignOff.count({ where: { enrolmentId } });
    await expectSameAsUnknown((id) => as.leaderB!.post(`/api/learning/enrolments/${id}/lessons/${lessonId}/sign-offs`, { result: 'PASSED' }), enrolmentId, signOffs);
    await expectSameAsUnknown((id) => as.leaderB!.get(`/api/learning/enrolments/${id}/lessons/${lessonId}/sign-offs`), enrolmentId);

    const other = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Assigned refresher' });
    const assigned = await as.leaderA!.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [world.volunteerA.id], courseId: other.course.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const assignmentId = assigned.body.items[0].enrolmentId;
    await expectSameAsUnknown((id) => as.leaderB!.delete(`/api/course-assignments/${id}`), assignmentId, () =>
      t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: assignmentId } }),
    );
  });

  it('invitations and memberships; the organisation itself, listed in the directory, answers 403', async () => {
    const invited = await as.leaderA!.post('/api/invitations', { email: `new-${randomUUID()}@example.test`, role: 'VOLUNTEER', organisationId: world.orgA.id });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    await expectSameAsUnknown((id) => as.leaderB!.delete(`/api/invitations/${id}`), invited.body.id, () =>
      t.prisma.invitation.findUniqueOrThrow({ where: { id: invited.body.id } }),
    );

    const membership = await t.prisma.organisationMembership.findFirstOrThrow({ where: { userId: world.volunteerA.id, organisationId: world.orgA.id } });
    const memberships = () => t.prisma.organisationMembership.findMany({ where: { organisationId: world.orgA.id }, orderBy: { id: 'asc' } });
    const membersOfA = `/api/organisations/${world.orgA.id}/members`;
    await expectSameAsUnknown((id) => as.leaderB!.patch(`${membersOfA}/${id}`, { role: 'ORG_LEADER' }), membership.id, memberships);
    await expectSameAsUnknown((id) => as.leaderB!.delete(`${membersOfA}/${id}`), membership.id, memberships);

    // Org A is in Org B's directory: seen, not theirs to change or to list the members of.
    expect((await as.leaderB!.get(`/api/organisations/${world.orgA.id}`)).status).toBe(200);
    expect((await as.leaderB!.patch(`/api/organisations/${world.orgA.id}`, { city: 'Fès' })).status).toBe(403);
    expect((await as.leaderB!.get(membersOfA)).status).toBe(403);
    expect((await as.leaderB!.get(`/api/organisations/${world.orgA.id}/invitations`)).status).toBe(403);
  });
});
