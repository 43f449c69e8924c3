import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionsSchema, networkProgressSchema, pathProgressSchema, progressPageSchema } from '@tadamon/shared';
import { CourseProgressClock } from '../src/modules/course-progress/course-progress-clock.js';
import { createPublishedCourse } from './support/course-factories.js';
import { createOrganisation, createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createPath, progressWorld, recordProgress } from './course-progress.support.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof progressWorld>>;
const NOW = new Date('2027-03-17T10:00:00Z'); // a Wednesday
let arabicName: string;
let trickyName: string;

async function enrol(courseId: string, userId: string, organisationId: string, dueAt?: Date) {
  const version = await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
  return t.prisma.courseEnrolment.create({
    data: { courseId, versionId: version.publishedVersionId!, userId, organisationId, source: 'ASSIGNED', totalLessons: 4, dueAt },
  });
}

/**
 * Org A (Morocco): an Arabic-named volunteer who completed the foundation course last week, a
 * volunteer half-way and overdue, one not started. Org B (Mali): one completion two months ago.
 * Org D (Morocco): one in progress. Org C is in another network.
 */
beforeAll(async () => {
  t = await startTestApp();
  t.app.get(CourseProgressClock).now = () => NOW;
  w = await progressWorld(t);
  const { world, networkCourse } = w;
  const lessons = networkCourse.lessons.map((l) => l.id);
  arabicName = 'فاطمة الزهراء بنعلي';
  trickyName = '=Rachid "Ray", Jr.';
  const fatima = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name: arabicName });
  const rachid = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name: trickyName });
  const e1 = await enrol(networkCourse.course.id, fatima.id, world.orgA.id);
  await recordProgress(t.prisma, e1.id, lessons, new Date('2027-03-09T12:00:00Z'));
  const e2 = await enrol(networkCourse.course.id, rachid.id, world.orgA.id, new Date('2027-03-01T00:00:00Z'));
  await recordProgress(t.prisma, e2.id, lessons.slice(0, 2));
  await enrol(networkCourse.course.id, world.volunteerA.id, world.orgA.id, new Date('2027-04-01T00:00:00Z'));
  const e4 = await enrol(networkCourse.course.id, world.volunteerB.id, world.orgB.id);
  await recordProgress(t.prisma, e4.id, lessons, new Date('2027-01-20T12:00:00Z'));
  const orgD = await createOrganisation(t.prisma, world.network.id, { name: 'Org D', country: 'MA' });
  const volunteerD = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: orgD.id });
  const e5 = await enrol(networkCourse.course.id, volunteerD.id, orgD.id);
  await recordProgress(t.prisma, e5.id, lessons.slice(0, 1));
  // Someone who left org A no longer shows in its reports.
  const leaver = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name: 'Gone Away' });
  await enrol(networkCourse.course.id, leaver.id, world.orgA.id);
  await t.prisma.organisationMembership.deleteMany({ where: { userId: leaver.id } });
});
afterAll(async () => t?.close());

describe('a leader’s progress table', () => {
  it('lists the members of their organisation with status, progress, due date, overdue and completion', async () => {
    const { world, as } = w;
    const answer = await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const page = progressPageSchema.parse(answer.body);
    expect(page.counts).toEqual({ enrolled: 3, notStarted: 1, inProgress: 1, completed: 1, overdue: 1 });
    const byName = Object.fromEntries(page.items.map((r) => [r.name, r]));
    expect(Object.keys(byName)).toHaveLength(3);
    expect(byName[arabicName]).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedAt: '2027-03-09T12:00:00.000Z', overdue: false, courseTitle: 'Volunteer foundation' });
    expect(byName[arabicName]!.lastActivityAt).not.toBeNull();
    expect(byName[trickyName]).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 50, overdue: true, dueAt: '2027-03-01T00:00:00.000Z' });
    expect(byName[world.volunteerA.name]).toMatchObject({ status: 'NOT_STARTED', progressPercent: 0, overdue: false, lastActivityAt: null });
    expect(page.items.map((r) => r.name)).not.toContain('Gone Away');
  });

  it('filters by status and name, and pages', async () => {
    const { world, as } = w;
    const overdue = progressPageSchema.parse((await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress?status=OVERDUE`)).body);
    expect(overdue.items.map((r) => r.name)).toEqual([trickyName]);
    const byName = progressPageSchema.parse((await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress?q=${encodeURIComponent('فاطمة')}`)).body);
    expect(byName.items.map((r) => r.name)).toEqual([arabicName]);
    const paged = progressPageSchema.parse((await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress?pageSize=2&page=2`)).body);
    expect(paged.total).toBe(3);
    expect(paged.items).toHaveLength(1);
    expect((await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress?status=LOST`)).status).toBe(400);
  });

  it('never shows another organisation: org B’s leader gets 403 for org A, another network 404, volunteers 403', async () => {
    const { world, as } = w;
    for (const path of ['course-progress', 'course-progress.csv', 'learning-path-progress', 'course-completions']) {
      expect((await as.leaderB.get(`/api/organisations/${world.orgA.id}/${path}`)).status).toBe(403);
      expect((await as.leaderC.get(`/api/organisations/${world.orgA.id}/${path}`)).status).toBe(404);
      expect((await as.otherCoordinator.get(`/api/organisations/${world.orgA.id}/${path}`)).status).toBe(404);
      expect((await as.volunteerA.get(`/api/organisations/${world.orgA.id}/${path}`)).status).toBe(403);
    }
    // Org B's own table holds only org B's member.
    const own = progressPageSchema.parse((await as.leaderB.get(`/api/organisations/${world.orgB.id}/course-progress`)).body);
    expect(own.items.map((r) => r.userId)).toEqual([world.volunteerB.id]);
    // A coordinator drills down into any organisation of the network.
    expect((await as.coordinator.get(`/api/organisations/${world.orgA.id}/course-progress`)).status).toBe(200);
  });

  it('shows per learning path how many of its courses each member has completed', async () => {
    const { world, as, networkCourse } = w;
    const second = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Second step' });
    const path = await createPath(t.prisma, world.network.id, [networkCourse.course.id, second.course.id], 'Volunteer foundation path');
    const answer = pathProgressSchema.parse((await as.leaderA.get(`/api/organisations/${world.orgA.id}/learning-path-progress`)).body);
    const entry = answer.items.find((p) => p.pathId === path.id)!;
    expect(entry.totalCourses).toBe(2);
    expect(entry.members.find((m) => m.name === arabicName)).toMatchObject({ completedCourses: 1, enrolledCourses: 1 });
    expect(entry.members.find((m) => m.name === trickyName)).toMatchObject({ completedCourses: 0 });
    expect(entry.members).toHaveLength(3);
  });
});

describe('CSV export', () => {
  it('streams UTF-8 with a byte order mark, localised headers, RFC 4180 quoting and no formulas', async () => {
    const { world, as } = w;
    const answer = await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-progress.csv?language=fr`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="progress-org-a\.csv"$/);
    const bytes = answer.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Membre,Organisation,Cours,Statut,Progression (%),Échéance,En retard,Terminé le,Dernière activité');
    // Last activity: when the progress rows were written (today, in the reader's zone).
    const today = new Date().toISOString().slice(0, 10);
    expect(lines).toContain(`${arabicName},Org A,Volunteer foundation,Terminé,100,,non,2027-03-09,${today}`);
    // The name starts with "=": quoted, inner quotes doubled, and defused with an apostrophe.
    expect(lines).toContain(`"'=Rachid ""Ray"", Jr.",Org A,Volunteer foundation,En cours,50,2027-03-01,oui,,${today}`);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('exports the network by country for coordinators, in their language', async () => {
    const { world, as } = w;
    const answer = await as.coordinator.get(`/api/networks/${world.network.id}/course-progress.csv?by=country`);
    expect(answer.status).toBe(200);
    const text = answer.text.replace(/^\uFEFF/, '');
    expect(answer.text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')).toEqual([
      'Country,Organisations,Enrolled,Not started,In progress,Completed,Overdue',
      'MA,2,4,1,2,1,1',
      'ML,1,1,0,0,1,0',
      '',
    ]);
  });
});

describe('the network view for coordinators', () => {
  it('aggregates by organisation and by country, zeros included', async () => {
    const { world, as } = w;
    const byOrganisation = networkProgressSchema.parse((await as.coordinator.get(`/api/networks/${world.network.id}/course-progress`)).body);
    const rows = Object.fromEntries(byOrganisation.items.map((r) => [r.name, r]));
    expect(rows['Org A']).toMatchObject({ country: 'MA', enrolled: 3, notStarted: 1, inProgress: 1, completed: 1, overdue: 1 });
    expect(rows['Org B']).toMatchObject({ country: 'ML', enrolled: 1, completed: 1 });
    expect(rows['Org D']).toMatchObject({ enrolled: 1, inProgress: 1 });
    expect(byOrganisation.totals).toEqual({ enrolled: 5, notStarted: 1, inProgress: 2, completed: 2, overdue: 1 });
    const byCountry = networkProgressSchema.parse((await as.coordinator.get(`/api/networks/${world.network.id}/course-progress?by=country`)).body);
    expect(byCountry.items.map((r) => [r.key, r.organisations, r.enrolled, r.completed])).toEqual([
      ['MA', 2, 4, 1],
      ['ML', 1, 1, 1],
    ]);
  });

  it('is for the network’s coordinators only: another network’s answers 404, leaders 403', async () => {
    const { world, as } = w;
    expect((await as.otherCoordinator.get(`/api/networks/${world.network.id}/course-progress`)).status).toBe(404);
    expect((await as.otherCoordinator.get(`/api/networks/${world.network.id}/course-progress.csv`)).status).toBe(404);
    expect((await as.otherCoordinator.get(`/api/networks/${world.network.id}/course-completions`)).status).toBe(404);
    expect((await as.leaderA.get(`/api/networks/${world.network.id}/course-progress`)).status).toBe(403);
  });

  it('counts completions per week and per month, zeros included, for the chart', async () => {
    const { world, as } = w;
    const weeks = completionsSchema.parse((await as.coordinator.get(`/api/networks/${world.network.id}/course-completions?interval=week&periods=10`)).body);
    expect(weeks.items).toHaveLength(10);
    expect(weeks.items.at(-1)).toEqual({ start: '2027-03-15', completions: 0 });
    expect(weeks.items.at(-2)).toEqual({ start: '2027-03-08', completions: 1 });
    expect(weeks.items.find((i) => i.start === '2027-01-18')).toEqual({ start: '2027-01-18', completions: 1 });
    const months = completionsSchema.parse((await as.coordinator.get(`/api/networks/${world.network.id}/course-completions?interval=month&periods=3`)).body);
    expect(months.items).toEqual([
      { start: '2027-01-01', completions: 1 },
      { start: '2027-02-01', completions: 0 },
      { start: '2027-03-01', completions: 1 },
    ]);
    const own = completionsSchema.parse((await as.leaderA.get(`/api/organisations/${world.orgA.id}/course-completions?interval=month&periods=3`)).body);
    expect(own.items.map((i) => i.completions)).toEqual([0, 0, 1]);
  });
});

describe('cohorts', () => {
  it('runs an organisation cohort: dates checked, members of the organisation only, progress listed', async () => {
    const { world, as, networkCourse } = w;
    const bad = await as.leaderA.post('/api/course-cohorts', { courseId: networkCourse.course.id, organisationId: world.orgA.id, name: 'Backwards', startsAt: '2027-05-01T00:00:00Z', endsAt: '2027-04-01T00:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.endsAt[0]).toEqual({ code: 'custom', message: 'endsBeforeStart' });
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'First aid basics' });
    const created = await as.leaderA.post('/api/course-cohorts', { courseId: course.course.id, organisationId: world.orgA.id, name: 'April group', startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-30T18:00:00Z' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const backwards = await as.leaderA.patch(`/api/course-cohorts/${id}`, { startsAt: '2027-05-15T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details.fields.endsAt[0].message).toBe('endsBeforeStart');
    expect((await as.leaderA.post(`/api/course-cohorts/${id}/members`, { userIds: [world.volunteerB.id] })).status).toBe(404);
    const added = await as.leaderA.post(`/api/course-cohorts/${id}/members`, { userIds: [world.volunteerA.id, world.leaderA.id] });
    expect(added.status).toBe(201);
    expect(added.body.members).toBe(2);
    expect(added.body.memberProgress.map((m: { dueAt: string }) => m.dueAt)).toEqual(['2027-04-30T18:00:00.000Z', '2027-04-30T18:00:00.000Z']);
    const enrolment = await t.prisma.courseEnrolment.findUnique({ where: { courseId_userId: { courseId: course.course.id, userId: world.volunteerA.id } } });
    expect(enrolment).toMatchObject({ source: 'COHORT', cohortId: id });

    // Another organisation's cohort is private to it: 404 like an unknown id.
    expect((await as.leaderB.get(`/api/course-cohorts/${id}`)).status).toBe(404);
    expect((await as.leaderC.get(`/api/course-cohorts/${id}`)).status).toBe(404);
    expect((await as.leaderB.post(`/api/course-cohorts/${id}/members`, { userIds: [world.volunteerB.id] })).status).toBe(404);
    const listed = await as.leaderA.get(`/api/course-cohorts?organisationId=${world.orgA.id}`);
    expect(listed.body.items.map((c: { name: string }) => c.name)).toEqual(['April group']);

    expect((await as.leaderA.delete(`/api/course-cohorts/${id}/members/${world.volunteerA.id}`)).status).toBe(204);
    expect(await t.prisma.courseEnrolment.findUnique({ where: { id: enrolment!.id } })).toMatchObject({ status: 'WITHDRAWN', cohortId: null });
    const after = await as.leaderA.get(`/api/course-cohorts/${id}`);
    expect(after.body.memberProgress.map((m: { userId: string }) => m.userId)).toEqual([world.leaderA.id]);
    expect((await as.leaderA.delete(`/api/course-cohorts/${id}/members/${world.volunteerA.id}`)).status).toBe(404);
  });

  it('runs a network cohort across organisations for coordinators only', async () => {
    const { world, as } = w;
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Leading a volunteer team' });
    const body = { courseId: course.course.id, name: 'Network leaders 2027', startsAt: '2027-05-01T08:00:00Z', endsAt: '2027-06-30T18:00:00Z' };
    expect((await as.leaderA.post('/api/course-cohorts', body)).status).toBe(403);
    expect((await as.otherCoordinator.post('/api/course-cohorts', body)).status).toBe(404);
    const created = await as.coordinator.post('/api/course-cohorts', body);
    expect(created.status).toBe(201);
    const added = await as.coordinator.post(`/api/course-cohorts/${created.body.id}/members`, { userIds: [world.leaderA.id, world.leaderB.id] });
    expect(added.status).toBe(201);
    expect(added.body.memberProgress.map((m: { organisationName: string }) => m.organisationName).sort()).toEqual(['Org A', 'Org B']);
    expect((await as.coordinator.post(`/api/course-cohorts/${created.body.id}/members`, { userIds: [world.leaderC.id] })).status).toBe(404);
    // A network cohort is not an organisation's to read (its members come from everywhere): 404.
    expect((await as.leaderA.get(`/api/course-cohorts/${created.body.id}`)).status).toBe(404);
    const list = await as.coordinator.get(`/api/course-cohorts?networkId=${world.network.id}`);
    expect(list.body.items.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({ members: 2, completed: 0, organisationId: null });
  });
});
