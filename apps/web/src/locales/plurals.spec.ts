import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import i18next, { type Resource } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

const LOCALES_DIR = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);
const NAMESPACES = ['materials', 'learning', 'learningOffline', 'meetings', 'courseProgress'];
const i18n = i18next.createInstance();

beforeAll(async () => {
  const resources: Resource = {};
  for (const language of ['en', 'fr', 'ar', 'es', 'nl']) {
    resources[language] = Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(LOCALES_DIR, language, `${ns}.json`), 'utf8'))]));
  }
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});

/** Issue 20: counts read as the language says them ("1 page", not "1 pages"; Arabic's six forms). */
describe('counts use plural forms', () => {
  it('English and French say one page, one question, one seat, one member', () => {
    const en = i18n.getFixedT('en');
    expect(en('materials:viewer.openPdf', { count: 1 })).toBe('Open the PDF (1 page)');
    expect(en('materials:viewer.openPdf', { count: 12 })).toBe('Open the PDF (12 pages)');
    expect(en('learning:quiz.summary', { count: 1, pass: 100 })).toBe('1 question, pass mark 100 %.');
    expect(en('learning:quiz.answered', { answered: 0, count: 1 })).toBe('0 of 1 question answered.');
    expect(en('meetings:detail.seats', { taken: 1, count: 1 })).toBe('1 of 1 seat taken.');
    expect(en('courseProgress:cohorts.counts', { count: 1, completed: 0 })).toBe('1 member, 0 completed');
    const fr = i18n.getFixedT('fr');
    expect(fr('materials:viewer.openPdf', { count: 1 })).toBe('Ouvrir le PDF (1 page)');
    expect(fr('learningOffline:quiz.rules', { count: 1, pass: 80 })).toBe('1 question, seuil de réussite 80 %.');
  });

  it('Arabic uses its six forms: none, one, two, a few (3–10), many (11–99), and the rest', () => {
    const ar = i18n.getFixedT('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar('materials:viewer.openPdf', { count }));
    expect(forms).toEqual([
      'فتح ملف PDF (بلا صفحات)',
      'فتح ملف PDF (صفحة واحدة)',
      'فتح ملف PDF (صفحتان)',
      'فتح ملف PDF (3 صفحات)',
      'فتح ملف PDF (11 صفحة)',
      'فتح ملف PDF (100 صفحة)',
    ]);
    expect(ar('learning:quiz.summary', { count: 2, pass: 80 })).toBe('سؤالان، وعلامة النجاح 80 %.');
    expect(ar('learning:quiz.summary', { count: 15, pass: 80 })).toBe('15 سؤالًا، وعلامة النجاح 80 %.');
  });

  it('no English text counts a noun through a placeholder other than {{count}} ("{{pages}} pages")', () => {
    const offenders: string[] = [];
    for (const ns of NAMESPACES) {
      const walk = (node: unknown, path: string) => {
        if (typeof node === 'string') {
          if (/\{\{(?!count\b)\w+\}\} (pages|questions|seats|members|courses|lessons|minutes|days|hours)\b/.test(node)) offenders.push(`${ns}:${path}`);
        } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
      };
      walk(i18n.getResourceBundle('en', ns), '');
    }
    expect(offenders).toEqual([]);
  });
});
