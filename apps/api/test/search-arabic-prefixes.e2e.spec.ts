import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cataloguePageSchema } from '@tadamon/shared';
import { prefixQuery } from '../src/common/text/search-query.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

/**
 * Issue 20: Arabic search finds a word whatever prefixes are written onto it (و, ف, ب, ك, ل,
 * ال and their combinations), in the course catalogue and the library's search vector, with
 * the accent and vowel folding kept. Real sentences, the real PostgreSQL functions.
 */
let t: TestApp;
let volunteer: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  const world = await createWorld(t.prisma);
  volunteer = await signedIn(t, world.volunteerA.email);
  const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Hygiene' });
  await t.prisma.course.update({
    where: { id: course.course.id },
    data: {
      titles: { ar: 'النظافة في المخيمات', en: 'Hygiene in camps' },
      summaries: { ar: 'اغسل يديك بالماء وصابون قبل الأكل، وعلّم الأطفال ذلك للمتطوعين والأسر.' },
      languages: ['ar', 'en'],
    },
  });
});
afterAll(async () => t?.close());

const titles = async (q: string) =>
  cataloguePageSchema.parse((await volunteer.get(`/api/learning/catalogue?q=${encodeURIComponent(q)}`)).body).items.map((i) => i.title);

describe('Arabic words with attached prefixes', () => {
  it('the catalogue finds "وصابون" by "صابون", "بالماء" by "ماء", "للمتطوعين" by "متطوعين", "والأسر" by "أسر"', async () => {
    for (const q of ['صابون', 'ماء', 'متطوعين', 'أسر', 'مخيمات', 'اطفال']) expect(await titles(q), q).toEqual(['Hygiene in camps']);
  });

  it('a query typed with prefixes finds the bare word, and vowel marks are still ignored', async () => {
    for (const q of ['والصابون', 'فالنظافة', 'الأَطْفَال', 'وَصابون']) expect(await titles(q), q).toEqual(['Hygiene in camps']);
  });

  it('does not match a different word', async () => {
    expect(await titles('صابونة')).toEqual([]);
    expect(await titles('مدارس')).toEqual([]);
  });

  it('the library’s search vector indexes the stripped forms the same way', async () => {
    const match = async (text: string, q: string) => {
      const rows = await t.prisma.$queryRaw<{ hit: boolean }[]>`
        SELECT tadamon_material_search_vector(${text}, '', '{}', '') @@ to_tsquery('simple', tadamon_fold(${prefixQuery(q)!})) AS hit`;
      return rows[0]!.hit;
    };
    expect(await match('دليل التطوع وصابون الأيدي', 'صابون')).toBe(true);
    expect(await match('كيف نتواصل مع السلطات المحلية بالهاتف', 'هاتف')).toBe(true);
    expect(await match('كيف نتواصل مع السلطات المحلية بالهاتف', 'سلطات')).toBe(true);
    expect(await match('Réunion de quartier', 'reunion')).toBe(true);
    expect(await match('دليل التطوع', 'صابون')).toBe(false);
  });
});
