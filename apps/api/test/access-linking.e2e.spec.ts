import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createPublishedCourse } from './support/course-factories.js';
import { createOrganisation } from './support/factories.js';
import { createLinkMaterial } from './support/linked-fixtures.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import { Author } from './courses-authoring.support.js';

/**
 * Every route that links one object to another: the linked object must be one the caller may
 * see when reading it by id. Org B's leader links things of Org A (same network) that are
 * private to Org A: each answers 404 like an unknown id, links nothing, and never names the
 * object. Something they may see links as before.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
type Client = Awaited<ReturnType<typeof signedIn>>;
let leaderA: Client;
let leaderB: Client;

const SECRET_COURSE = 'Org A secret induction';
const SECRET_MATERIAL = 'Org A internal safeguarding notes';
const SECRET_MEETING = 'Org A board retreat';
const SECRET_DOCUMENT = 'Org A confidential letter';

let secretCourseId: string;
let networkCourseId: string;
let secretMaterialId: string;
let networkMaterialId: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
  leaderA = await signedIn(t, w.leaderA);
  leaderB = await signedIn(t, w.leaderB);
  // Published, but open only to Org A's own members: private to Org A.
  secretCourseId = (await createPublishedCourse(t.prisma, { networkId: w.network.id, organisationId: w.orgA.id, enrolmentPolicy: 'ORGANISATION', title: SECRET_COURSE })).course.id;
  networkCourseId = (await createPublishedCourse(t.prisma, { networkId: w.network.id, title: 'Network first aid' })).course.id;
  secretMaterialId = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: SECRET_MATERIAL, visibility: 'ORGANISATION' });
  networkMaterialId = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Network guide', visibility: 'NETWORK' });
});
afterAll(async () => {
  await t?.close();
});

/** 404 NOT_FOUND, and nothing in the answer names the hidden object. */
function expectHidden(answer: Response, ...secrets: string[]) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(404);
  expect(answer.body.code).toBe('NOT_FOUND');
  for (const secret of secrets) expect(answer.text).not.toContain(secret);
}

async function orgBCourse(title: string) {
  const author = await Author.signIn(t, w.leaderB);
  const tree = await author.createCourse({ networkId: w.network.id, organisationId: w.orgB.id, enrolmentPolicy: 'ORGANISATION', title });
  return { author, tree };
}

describe('linking courses', () => {
  it('a prerequisite: another organisation’s private course is not found and not linked; a network course is', async () => {
    const { tree } = await orgBCourse('Org B onboarding');
    const url = (required: string) => `/api/course-authoring/courses/${tree.course.id}/prerequisites/${required}`;
    expectHidden(await leaderB.put(url(secretCourseId)), SECRET_COURSE);
    expect(await t.prisma.coursePrerequisite.count({ where: { courseId: tree.course.id } })).toBe(0);

    const linked = await leaderB.put(url(networkCourseId));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.course.prerequisites).toEqual([{ id: networkCourseId, title: 'Network first aid', status: 'PUBLISHED' }]);
  });

  it('a learning path’s courses: another organisation’s private course is not found, on create and on change', async () => {
    const base = { networkId: w.network.id, organisationId: w.orgB.id, titles: { en: 'Org B track' } };
    expectHidden(await leaderB.post('/api/course-authoring/paths', { ...base, courseIds: [networkCourseId, secretCourseId] }), SECRET_COURSE);
    expect(await t.prisma.learningPath.count({ where: { organisationId: w.orgB.id } })).toBe(0);

    const created = await leaderB.post('/api/course-authoring/paths', { ...base, courseIds: [networkCourseId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.courses.map((c: { id: string }) => c.id)).toEqual([networkCourseId]);
    const changed = await leaderB.agent
      .patch(`/api/course-authoring/paths/${created.body.id}`)
      .set('x-csrf-token', leaderB.csrfToken!)
      .set('if-match', String(created.body.revision))
      .send({ courseIds: [secretCourseId] });
    expectHidden(changed, SECRET_COURSE);
    const stored = await t.prisma.learningPathCourse.findMany({ where: { pathId: created.body.id } });
    expect(stored.map((c) => c.courseId)).toEqual([networkCourseId]);
  });

  it('a cohort and an assignment: another organisation’s private course is not found, nothing is created', async () => {
    const cohort = { organisationId: w.orgB.id, name: 'Spring group', startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-30T18:00:00Z' };
    expectHidden(await leaderB.post('/api/course-cohorts', { ...cohort, courseId: secretCourseId }), SECRET_COURSE);
    expect(await t.prisma.courseCohort.count({ where: { organisationId: w.orgB.id } })).toBe(0);
    expect((await leaderB.post('/api/course-cohorts', { ...cohort, courseId: networkCourseId })).status).toBe(201);

    const assignment = { organisationId: w.orgB.id, userIds: [w.volunteerB.id] };
    expectHidden(await leaderB.post('/api/course-assignments', { ...assignment, courseId: secretCourseId }), SECRET_COURSE);
    expect(await t.prisma.courseEnrolment.count({ where: { courseId: secretCourseId } })).toBe(0);
    expect((await leaderB.post('/api/course-assignments', { ...assignment, courseId: networkCourseId })).status).toBe(201);
  });
});

describe('linking library material', () => {
  it('a lesson’s material: another organisation’s private material is not found and not embedded', async () => {
    const { author, tree } = await orgBCourse('Org B safeguarding');
    const moduleId = (await author.ok('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'M' } })).modules[0]!.id;
    expectHidden(await author.send('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Read' }, materialId: secretMaterialId }), SECRET_MATERIAL);
    expect(await t.prisma.courseLesson.count({ where: { moduleId } })).toBe(0);

    const added = await author.ok('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Read' }, materialId: networkMaterialId });
    const lessonId = added.modules[0]!.lessons[0]!.id;
    expect(added.modules[0]!.lessons[0]!.material).toMatchObject({ id: networkMaterialId, title: 'Network guide' });
    expectHidden(await author.send('patch', `/lessons/${lessonId}`, { materialId: secretMaterialId }), SECRET_MATERIAL);
    expect((await t.prisma.courseLesson.findUniqueOrThrow({ where: { id: lessonId } })).materialId).toBe(networkMaterialId);
  });

  it('a post’s attachments: another organisation’s private material is not found, no thread or reply is written', async () => {
    const threadsBefore = await t.prisma.discussionThread.count();
    expectHidden(
      await leaderB.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Reading', body: 'See attached.', attachments: [secretMaterialId] }),
      SECRET_MATERIAL,
    );
    expect(await t.prisma.discussionThread.count()).toBe(threadsBefore);

    const thread = await leaderB.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Reading', body: 'See attached.', attachments: [networkMaterialId] });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    expect(thread.body.posts[0].attachments).toEqual([{ materialId: networkMaterialId, available: true, title: 'Network guide', kind: 'LINK' }]);
    expectHidden(await leaderB.post(`/api/threads/${thread.body.id}/posts`, { body: 'And this', attachments: [secretMaterialId] }), SECRET_MATERIAL);
    expect(await t.prisma.discussionPost.count({ where: { threadId: thread.body.id } })).toBe(1);
  });

  it('accreditation evidence: another organisation’s private material is not found and not saved', async () => {
    const coordinator = await signedIn(t, w.coordinator);
    const framework = await coordinator.post(`/api/networks/${w.network.id}/accreditation-frameworks`, {
      titles: { en: 'Quality framework' },
      validityMonths: 24,
      sections: [{ titles: { en: 'Ethics' }, criteria: [{ titles: { en: 'Code of ethics' }, evidenceRequired: true }] }],
    });
    expect(framework.status, JSON.stringify(framework.body)).toBe(201);
    expect((await coordinator.post(`/api/accreditation-frameworks/${framework.body.id}/publish`, {})).status).toBe(200);
    const started = await leaderB.post(`/api/organisations/${w.orgB.id}/accreditation-assessments`, { frameworkId: framework.body.id });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const criterionId = started.body.framework.sections[0].criteria[0].id as string;
    const url = `/api/accreditation-assessments/${started.body.id}/answers/${criterionId}`;

    expectHidden(await leaderB.put(url, { statement: 'Signed by all', evidenceMaterialIds: [secretMaterialId], revision: started.body.revision }), SECRET_MATERIAL);
    const untouched = await t.prisma.accreditationAnswer.findFirstOrThrow({ where: { assessmentId: started.body.id, criterionId } });
    expect([untouched.statement, untouched.evidenceMaterialIds]).toEqual(['', []]);

    const own = await createLinkMaterial(leaderB, { networkId: w.network.id, organisationId: w.orgB.id, title: 'Org B code', visibility: 'ORGANISATION' });
    const saved = await leaderB.put(url, { statement: 'Signed by all', evidenceMaterialIds: [own], revision: started.body.revision });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.answers[0].evidence).toEqual([{ materialId: own, title: 'Org B code' }]);
  });
});

describe('campaign links', () => {
  it('a document, meeting or material Org B may not see is not found and not linked; visible ones are', async () => {
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D' });
    // A group of Org A and Org D (not B), with a document in it; a meeting of A with D; material kept to A.
    const group = await leaderA.post('/api/groups', { networkId: w.network.id, name: 'A and D', audience: 'ORGANISATIONS', organisationIds: [orgD.id] });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const document = await leaderA.post(`/api/groups/${group.body.id}/documents`, {
      kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: SECRET_DOCUMENT, body: 'Text',
    });
    expect(document.status, JSON.stringify(document.body)).toBe(201);
    const meeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [orgD.id], { title: SECRET_MEETING }));

    const campaign = await leaderB.post(`/api/groups/${w.closedGroupId}/campaigns`, { ownerOrganisationId: w.orgB.id, title: 'Org B campaign' });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const links = `/api/campaigns/${campaign.body.id}/links`;
    for (const [link, secret] of [
      [{ kind: 'document', targetId: document.body.id }, SECRET_DOCUMENT],
      [{ kind: 'meeting', targetId: meeting.id }, SECRET_MEETING],
      [{ kind: 'material', targetId: secretMaterialId }, SECRET_MATERIAL],
    ] as const) {
      expectHidden(await leaderB.post(links, link), secret);
    }
    const stored = await t.prisma.campaign.findUniqueOrThrow({
      where: { id: campaign.body.id },
      include: { documents: true, meetings: true, materials: true },
    });
    expect([stored.documents, stored.meetings, stored.materials]).toEqual([[], [], []]);

    // What Org B sees links: a document of the closed group, a meeting B is invited to, network material.
    const visibleDoc = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, { kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Shared letter', body: 'Text' });
    const visibleMeeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [w.orgB.id], { title: 'A and B exchange' }));
    for (const link of [
      { kind: 'document', targetId: visibleDoc.body.id },
      { kind: 'meeting', targetId: visibleMeeting.id },
      { kind: 'material', targetId: networkMaterialId },
    ]) {
      const answer = await leaderB.post(links, link);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    const shown = (await leaderB.get(`/api/campaigns/${campaign.body.id}`)).body;
    expect(shown.documents.map((d: { title: string }) => d.title)).toEqual(['Shared letter']);
    expect(shown.meetings.map((m: { title: string }) => m.title)).toEqual(['A and B exchange']);
    expect(shown.materials.map((m: { title: string }) => m.title)).toEqual(['Network guide']);
  });
});
