import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cataloguePageSchema, learnerCourseSchema, myLearningSchema } from '@tadamon/shared';
import { enrolLearner } from '../src/modules/learning/enrolment-writer.js';
import { LearningClock } from '../src/modules/learning/learning-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let volunteerA: TestClient;
let volunteerB: TestClient;
const courses: Record<string, Awaited<ReturnType<typeof createPublishedCourse>>> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
  const networkId = world.network.id;
  courses.network = await createPublishedCourse(t.prisma, { networkId, title: 'Réunion de quartier', modules: [[{}, {}]] });
  courses.orgA = await createPublishedCourse(t.prisma, { networkId, organisationId: world.orgA.id, enrolmentPolicy: 'ORGANISATION', title: 'Org A induction' });
  courses.assigned = await createPublishedCourse(t.prisma, { networkId, enrolmentPolicy: 'ASSIGNED', title: 'Leaders only' });
  courses.other = await createPublishedCourse(t.prisma, { networkId: world.otherNetwork.id, title: 'Elsewhere' });
  courses.advanced = await createPublishedCourse(t.prisma, { networkId, title: 'Advanced first aid' });
  await t.prisma.coursePrerequisite.create({ data: { courseId: courses.advanced.course.id, requiredCourseId: courses.network.course.id } });
  // A long Arabic course for the search and length filters.
  courses.arabic = await createPublishedCourse(t.prisma, { networkId, title: 'تنظيم الاجتماعات', modules: [Array.from({ length: 30 }, () => ({}))] });
  await t.prisma.course.update({
    where: { id: courses.arabic.course.id },
    data: { titles: { ar: 'المُنظِّم والاجتماعات', en: 'Organising meetings' }, languages: ['ar', 'en'], estimatedMinutes: 150 },
  });
  // A draft course never shows.
  const draft = await createPublishedCourse(t.prisma, { networkId, title: 'Draft in progress' });
  await t.prisma.course.update({ where: { id: draft.course.id }, data: { status: 'DRAFT' } });
});
afterAll(async () => t?.close());

const titles = (body: unknown) => cataloguePageSchema.parse(body).items.map((i) => i.title);

describe('the catalogue', () => {
  it('lists network courses and one’s own organisation’s, never another organisation’s, another network’s, an assigned-only or a draft course', async () => {
    const forA = titles((await volunteerA.get('/api/learning/catalogue?limit=100')).body);
    expect(forA).toEqual(expect.arrayContaining(['Réunion de quartier', 'Org A induction', 'Advanced first aid']));
    expect(forA).not.toContain('Elsewhere');
    expect(forA).not.toContain('Leaders only');
    expect(forA).not.toContain('Draft in progress');
    const forB = titles((await volunteerB.get('/api/learning/catalogue?limit=100')).body);
    expect(forB).not.toContain('Org A induction');
  });

  it('answers 404 for a course of another organisation (policy ORGANISATION) and of another network, by id too', async () => {
    expect((await volunteerB.get(`/api/learning/courses/${courses.orgA!.course.id}`)).status).toBe(404);
    expect((await volunteerB.post(`/api/learning/courses/${courses.orgA!.course.id}/enrolment`)).status).toBe(404);
    expect((await volunteerA.get(`/api/learning/courses/${courses.other!.course.id}`)).status).toBe(404);
  });

  it('searches folded full text: no accents, Arabic vowels, word prefixes', async () => {
    expect(titles((await volunteerA.get('/api/learning/catalogue?q=reunion')).body)).toEqual(['Réunion de quartier']);
    // The reader's language is English: the English title is shown for the Arabic match.
    expect(titles((await volunteerA.get(`/api/learning/catalogue?q=${encodeURIComponent('المنظم')}`)).body)).toEqual(['Organising meetings']);
    expect(titles((await volunteerA.get('/api/learning/catalogue?q=advan')).body)).toEqual(['Advanced first aid']);
  });

  it('filters by language, length and topic', async () => {
    expect(titles((await volunteerA.get('/api/learning/catalogue?language=ar')).body)).toEqual(['Organising meetings']);
    expect(titles((await volunteerA.get('/api/learning/catalogue?length=LONG')).body)).toEqual(['Organising meetings']);
    expect(titles((await volunteerA.get('/api/learning/catalogue?length=SHORT&limit=100')).body)).not.toContain('Organising meetings');
    expect(titles((await volunteerA.get('/api/learning/catalogue?standardTopic=LEADERSHIP')).body)).toEqual([]);
    expect((await volunteerA.get('/api/learning/catalogue?length=HUGE')).status).toBe(400);
  });

  it('pages with a cursor and refuses a tampered one', async () => {
    const first = cataloguePageSchema.parse((await volunteerA.get('/api/learning/catalogue?limit=2')).body);
    expect(first.items).toHaveLength(2);
    const second = cataloguePageSchema.parse((await volunteerA.get(`/api/learning/catalogue?limit=2&cursor=${first.nextCursor}`)).body);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    expect((await volunteerA.get('/api/learning/catalogue?cursor=bm9wZQ')).status).toBe(400);
  });

  it('shows prerequisites as locks, and refuses enrolment until they are completed', async () => {
    const item = cataloguePageSchema.parse((await volunteerB.get('/api/learning/catalogue?q=advanced')).body).items[0]!;
    expect(item.lockedBy.map((l) => l.title)).toEqual(['Réunion de quartier']);
    const refused = await volunteerB.post(`/api/learning/courses/${courses.advanced!.course.id}/enrolment`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COURSE_PREREQUISITES_MISSING');

    const enrolmentId = await enrol(volunteerB, courses.network!.course.id);
    for (const lesson of courses.network!.lessons) await completeLesson(volunteerB, enrolmentId, lesson.id);
    const unlocked = cataloguePageSchema.parse((await volunteerB.get('/api/learning/catalogue?q=advanced')).body).items[0]!;
    expect(unlocked.lockedBy).toEqual([]);
    expect((await volunteerB.post(`/api/learning/courses/${courses.advanced!.course.id}/enrolment`)).status).toBe(200);
  });
});

describe('enrolment', () => {
  it('a course given by assignment only answers COURSE_NOT_OPEN_TO_YOU to self-enrolment', async () => {
    const page = learnerCourseSchema.parse((await volunteerA.get(`/api/learning/courses/${courses.assigned!.course.id}`)).body);
    expect(page.canSelfEnrol).toBe(false);
    const refused = await volunteerA.post(`/api/learning/courses/${courses.assigned!.course.id}/enrolment`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('COURSE_NOT_OPEN_TO_YOU');
  });

  it('enrols once (a second click returns the same enrolment), shows progress, and lets one leave and come back', async () => {
    const course = courses.orgA!.course.id;
    const first = await enrol(volunteerA, course);
    expect(await enrol(volunteerA, course)).toBe(first);
    const page = learnerCourseSchema.parse((await volunteerA.get(`/api/learning/courses/${course}`)).body);
    expect(page.learner).toMatchObject({ state: 'NOT_STARTED', enrolmentId: first, progressPercent: 0, source: 'SELF' });
    expect(page.modules[0]!.lessons[0]).toMatchObject({ locked: false, done: false });
    expect(page.resumeLessonId).toBe(courses.orgA!.lessons[0]!.id);

    expect((await volunteerA.delete(`/api/learning/courses/${course}/enrolment`)).status).toBe(204);
    const after = learnerCourseSchema.parse((await volunteerA.get(`/api/learning/courses/${course}`)).body);
    expect(after.learner.state).toBe('NOT_ENROLLED');
    expect((await volunteerA.get(`/api/learning/enrolments/${first}/lessons/${courses.orgA!.lessons[0]!.id}`)).body.code).toBe('ENROLMENT_NOT_ACTIVE');
    expect(await enrol(volunteerA, course)).toBe(first);
  });

  it('an assigned course cannot be left; "My learning" lists it with its due date, overdue flagged', async () => {
    const clock = t.app.get(LearningClock);
    const due = new Date(Date.now() + 24 * 3600_000);
    await t.prisma.$transaction((tx) =>
      enrolLearner(tx, { courseId: courses.assigned!.course.id, userId: world.volunteerA.id, organisationId: world.orgA.id, source: 'ASSIGNED', assignedById: world.leaderA.id, dueAt: due }),
    );
    const refused = await volunteerA.delete(`/api/learning/courses/${courses.assigned!.course.id}/enrolment`);
    expect(refused.body.code).toBe('ENROLMENT_NOT_WITHDRAWABLE');
    // Now visible in the catalogue, because assigned.
    expect(titles((await volunteerA.get('/api/learning/catalogue?limit=100')).body)).toContain('Leaders only');

    let mine = myLearningSchema.parse((await volunteerA.get('/api/me/learning')).body);
    expect(mine.assigned.map((i) => [i.title, i.learner.dueAt, i.learner.overdue])).toEqual([['Leaders only', due.toISOString(), false]]);
    expect(mine.inProgress.map((i) => i.title)).toContain('Org A induction');

    const realNow = clock.now;
    clock.now = () => new Date(due.getTime() + 60_000);
    try {
      mine = myLearningSchema.parse((await volunteerA.get('/api/me/learning')).body);
      expect(mine.assigned[0]!.learner.overdue).toBe(true);
    } finally {
      clock.now = realNow;
    }
  });

  it('"My learning" lists completed courses', async () => {
    const mine = myLearningSchema.parse((await volunteerB.get('/api/me/learning')).body);
    expect(mine.completed.map((i) => [i.title, i.learner.state, i.learner.progressPercent])).toEqual([['Réunion de quartier', 'COMPLETED', 100]]);
  });
});

describe('versions', () => {
  it('shows the published outline, never a draft version; an enrolled learner keeps their version after a new one is published', async () => {
    const c = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Versioned', modules: [[{ title: 'Old lesson' }]] });
    const draft = await t.prisma.courseVersion.create({ data: { courseId: c.course.id, number: 2, state: 'DRAFT', titles: { en: 'Versioned' } } });
    const module = await t.prisma.courseModule.create({ data: { versionId: draft.id, position: 0, titles: { en: 'Draft module' } } });
    await t.prisma.courseLesson.create({ data: { moduleId: module.id, versionId: draft.id, position: 0, titles: { en: 'Draft lesson' } } });

    const before = JSON.stringify((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body);
    expect(before).toContain('Old lesson');
    expect(before).not.toContain('Draft');
    const enrolmentId = await enrol(volunteerA, c.course.id);

    // Version 2 is published: newcomers get it, volunteer A keeps version 1 until they finish.
    await t.prisma.courseVersion.update({ where: { id: draft.id }, data: { state: 'PUBLISHED' } });
    await t.prisma.course.update({ where: { id: c.course.id }, data: { publishedVersionId: draft.id } });
    const mine = learnerCourseSchema.parse((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body);
    expect(mine.modules.flatMap((m) => m.lessons.map((l) => l.title))).toEqual(['Old lesson']);
    expect(mine.versionNumber).toBe(1);
    expect((await volunteerA.get(`/api/learning/enrolments/${enrolmentId}/lessons/${c.lessons[0]!.id}`)).status).toBe(200);
    const newcomer = learnerCourseSchema.parse((await volunteerB.get(`/api/learning/courses/${c.course.id}`)).body);
    expect(newcomer.modules.flatMap((m) => m.lessons.map((l) => l.title))).toEqual(['Draft lesson']);
  });
});
