import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkProgressSchema, pathProgressSchema, progressPageSchema } from '@tadamon/shared';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const quiet = { info: () => {} };

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoIfEmpty(t.databaseUrl, quiet)).toBe(true);
});
afterAll(async () => t?.close());

describe('demo courses in the seed', () => {
  it('publishes three courses in French, Arabic and English, two learning paths and a prerequisite, once', async () => {
    const courses = await t.prisma.course.findMany({ where: { status: 'PUBLISHED' }, select: { titles: true, languages: true, publishedVersionId: true } });
    expect(courses.map((c) => (c.titles as Record<string, string>).en).sort()).toEqual(['First aid basics', 'Leading a volunteer team', 'Volunteer foundation']);
    expect(courses.every((c) => c.languages.includes('ar') && c.languages.includes('fr') && c.publishedVersionId)).toBe(true);
    expect(await t.prisma.learningPath.count({ where: { status: 'PUBLISHED' } })).toBe(2);
    expect(await t.prisma.coursePrerequisite.count()).toBe(1);
    expect(await t.prisma.courseLesson.count({ where: { requiresPractical: true } })).toBe(1);
    // Seeded once: a second start leaves the database as it is.
    expect(await seedDemoIfEmpty(t.databaseUrl, quiet)).toBe(false);
    expect(await t.prisma.course.count()).toBe(3);
  });

  it('shows the demo leader a living progress table: the volunteer half-way, an overdue course, completions', async () => {
    const leader = t.client();
    await leader.signIn('leader@example.org', 'tadamon-demo');
    const organisation = await t.prisma.organisation.findFirstOrThrow({ where: { name: 'Association Al Amal Tanger' } });
    const page = progressPageSchema.parse((await leader.get(`/api/organisations/${organisation.id}/course-progress`)).body);
    const salma = page.items.filter((r) => r.name === 'Salma Volunteer');
    expect(salma.map((r) => [r.courseTitle, r.status, r.progressPercent]).sort()).toEqual([
      ['First aid basics', 'NOT_STARTED', 0],
      ['Volunteer foundation', 'IN_PROGRESS', 50],
    ]);
    expect(salma.every((r) => r.dueAt !== null)).toBe(true);
    expect(page.counts.overdue).toBe(1);
    expect(page.counts.completed).toBe(2);
    const paths = pathProgressSchema.parse((await leader.get(`/api/organisations/${organisation.id}/learning-path-progress`)).body);
    expect(paths.items.map((p) => p.title).sort()).toEqual(['Leader track', 'Volunteer foundation']);

    const coordinator = t.client();
    await coordinator.signIn('coordinator@example.org', 'tadamon-demo');
    const network = await t.prisma.network.findFirstOrThrow();
    const byCountry = networkProgressSchema.parse((await coordinator.get(`/api/networks/${network.id}/course-progress?by=country`)).body);
    expect(byCountry.items.find((r) => r.key === 'ML')!.completed).toBe(1);
  });
});
