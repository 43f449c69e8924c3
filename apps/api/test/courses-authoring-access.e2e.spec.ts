import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { Author, fieldCodes } from './courses-authoring.support.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

describe('who authors which course', () => {
  it('keeps an organisation draft to its leaders and the network coordinators', async () => {
    const leaderA = await Author.signIn(t, world.leaderA);
    const tree = await leaderA.createCourse({ networkId: world.network.id, organisationId: world.orgA.id, title: 'Org A induction', enrolmentPolicy: 'ORGANISATION' });
    const courseId = tree.course.id;

    const leaderB = await Author.signIn(t, world.leaderB);
    expect((await leaderB.get(`/courses/${courseId}`)).status).toBe(404);
    expect((await leaderB.get(`/versions/${tree.version.id}`)).status).toBe(404);
    leaderB.revision = leaderA.revision;
    const edit = await leaderB.send('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'Intrusion' } });
    expect(edit.status).toBe(404);
    expect((await leaderB.get('/courses')).body.items.map((c: { id: string }) => c.id)).not.toContain(courseId);

    const volunteer = await Author.signIn(t, world.volunteerA);
    expect((await volunteer.get(`/courses/${courseId}`)).status).toBe(403);
    expect((await volunteer.get('/courses')).status).toBe(403);
    const volunteerCreate = await volunteer.client.post('/api/course-authoring/courses', {
      networkId: world.network.id, organisationId: world.orgA.id, standardTopic: 'FIRST_AID', audience: 'EVERYONE', enrolmentPolicy: 'NETWORK', language: 'en', title: 'Mine',
    });
    expect(volunteerCreate.status).toBe(403);

    const otherCoordinator = await Author.signIn(t, world.otherCoordinator);
    expect((await otherCoordinator.get(`/courses/${courseId}`)).status).toBe(404);

    // The network's coordinator may edit it and sees it in their list.
    const coordinator = await Author.signIn(t, world.coordinator);
    coordinator.remember((await coordinator.get(`/courses/${courseId}`)).body);
    await coordinator.ok('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'Added by the coordinator' } });
    const listed = await coordinator.get('/courses');
    expect(listed.body.items.find((c: { id: string }) => c.id === courseId)).toMatchObject({ title: 'Org A induction', status: 'DRAFT', organisationName: 'Org A', draftVersionNumber: 1 });
    expect((await leaderA.get('/courses')).body.items.map((c: { id: string }) => c.id)).toEqual([courseId]);
    expect((await coordinator.get('/courses?q=induction')).body.items.map((c: { id: string }) => c.id)).toEqual([courseId]);
  });

  it('answers 403 for a published course of another organisation, and refuses authoring for the wrong place', async () => {
    const published = await createPublishedCourse(t.prisma, { networkId: world.network.id, organisationId: world.orgA.id, title: 'Org A public' });
    const leaderB = await Author.signIn(t, world.leaderB);
    expect((await leaderB.get(`/courses/${published.course.id}`)).status).toBe(403);
    const base = { standardTopic: 'FIRST_AID', audience: 'EVERYONE', enrolmentPolicy: 'NETWORK', language: 'en', title: 'Elsewhere' };
    // A leader writes for their own organisation only, and network courses are the coordinators'.
    expect((await leaderB.client.post('/api/course-authoring/courses', { ...base, networkId: world.network.id, organisationId: world.orgA.id })).status).toBe(403);
    expect((await leaderB.client.post('/api/course-authoring/courses', { ...base, networkId: world.network.id })).status).toBe(403);
    const otherNetwork = await leaderB.client.post('/api/course-authoring/courses', { ...base, networkId: world.otherNetwork.id });
    expect(otherNetwork.status).toBe(404);
    const mismatch = await (await Author.signIn(t, world.coordinator)).client.post('/api/course-authoring/courses', { ...base, networkId: world.network.id, organisationId: world.orgC.id });
    expect(mismatch.status).toBe(404);
  });
});

describe('prerequisites', () => {
  it('adds and removes prerequisites and refuses every circle', async () => {
    const coordinator = await Author.signIn(t, world.coordinator);
    const make = async (title: string) => (await coordinator.createCourse({ networkId: world.network.id, title })).course.id;
    const [a, b, c] = [await make('Course A'), await make('Course B'), await make('Course C')];
    const put = (course: string, required: string) => coordinator.client.put(`/api/course-authoring/courses/${course}/prerequisites/${required}`);

    const added = await put(b, a);
    expect(added.status).toBe(200);
    expect(added.body.course.prerequisites).toEqual([{ id: a, title: 'Course A', status: 'DRAFT' }]);
    expect((await put(b, a)).status).toBe(200); // twice is once
    expect((await put(c, b)).status).toBe(200);

    for (const [course, required] of [[a, c], [a, b], [a, a]] as const) {
      const circle = await put(course, required);
      expect(circle.status).toBe(409);
      expect(circle.body.code).toBe('COURSE_PREREQUISITE_CYCLE');
    }
    const circle = await put(a, c);
    expect(circle.body.details.courseIds).toEqual([a, c, b, a]);
    expect(await t.prisma.coursePrerequisite.count({ where: { courseId: a } })).toBe(0);

    const removed = await coordinator.client.delete(`/api/course-authoring/courses/${b}/prerequisites/${a}`);
    expect(removed.body.course.prerequisites).toEqual([]);
    expect((await put(a, c)).status).toBe(200);

    // Another network's course is not there to require.
    const foreign = await createPublishedCourse(t.prisma, { networkId: world.otherNetwork.id });
    expect((await put(a, foreign.course.id)).status).toBe(404);
  });
});

describe('learning paths', () => {
  it('builds, reorders and publishes a path of published network courses', async () => {
    const coordinator = await Author.signIn(t, world.coordinator);
    const one = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'One' });
    const two = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Two' });
    const draft = (await coordinator.createCourse({ networkId: world.network.id, title: 'Not yet' })).course.id;
    const orgCourse = await createPublishedCourse(t.prisma, { networkId: world.network.id, organisationId: world.orgA.id });

    const created = await coordinator.client.post('/api/course-authoring/paths', {
      networkId: world.network.id,
      titles: { en: 'Volunteer foundation', fr: 'Fondation bénévole' },
      courseIds: [one.course.id, draft],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', title: 'Volunteer foundation', courses: [{ title: 'One' }, { title: 'Not yet', status: 'DRAFT' }] });
    const pathId = created.body.id;
    const send = (method: 'patch' | 'post', path: string, revision: number, body?: object) =>
      coordinator.client.agent[method](`/api/course-authoring/paths/${pathId}${path}`)
        .set('x-csrf-token', coordinator.client.csrfToken!)
        .set('if-match', String(revision))
        .send(body);

    const blocked = await send('post', '/publish', created.body.revision);
    expect(blocked.status).toBe(409);
    expect(blocked.body.details.problems).toEqual([{ code: 'courseNotPublished', courseId: draft }]);

    const closed = await send('patch', '', created.body.revision, { courseIds: [one.course.id, orgCourse.course.id] });
    expect(fieldCodes(closed.body)).toEqual({ courseIds: ['course_not_available'] });

    const reordered = await send('patch', '', created.body.revision, { courseIds: [two.course.id, one.course.id] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.courses.map((c: { title: string }) => c.title)).toEqual(['Two', 'One']);
    const stale = await send('patch', '', created.body.revision, { titles: { en: 'Overwritten?' } });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.title).toBe('Volunteer foundation');

    const published = await send('post', '/publish', reordered.body.revision);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('PUBLISHED');
    const archived = await send('post', '/archive', published.body.revision);
    expect(archived.body.status).toBe('ARCHIVED');
    const audit = await t.prisma.auditEvent.findMany({ where: { action: { startsWith: 'learning_path.' } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['learning_path.archived', 'learning_path.created', 'learning_path.published']);

    // An organisation's path is its leaders' (and the coordinators'); others do not see it.
    const leaderA = await Author.signIn(t, world.leaderA);
    const orgPath = await leaderA.client.post('/api/course-authoring/paths', {
      networkId: world.network.id, organisationId: world.orgA.id, titles: { en: 'Org A track' }, courseIds: [orgCourse.course.id, one.course.id],
    });
    expect(orgPath.status).toBe(201);
    const leaderB = await Author.signIn(t, world.leaderB);
    expect((await leaderB.get(`/paths/${orgPath.body.id}`)).status).toBe(404);
    expect((await leaderB.get('/paths')).body.items).toEqual([]);
    expect((await leaderA.get('/paths')).body.items.map((p: { id: string }) => p.id)).toEqual([orgPath.body.id]);
    expect((await (await Author.signIn(t, world.otherCoordinator)).get(`/paths/${pathId}`)).status).toBe(404);
  });
});
