import { describe, expect, it } from 'vitest';
import { arabicQueryForms } from './arabic-clitics.js';

describe('arabicQueryForms', () => {
  it('adds the bare word under a conjunction, an article or both', () => {
    expect(arabicQueryForms('وصابون')).toEqual(['وصابون', 'صابون']);
    expect(arabicQueryForms('والصابون')).toEqual(['والصابون', 'الصابون', 'صابون']);
    expect(arabicQueryForms('بالصابون')).toEqual(['بالصابون', 'صابون']);
    expect(arabicQueryForms('للمتطوعين')).toEqual(['للمتطوعين', 'متطوعين']);
  });

  it('leaves words whose first letter belongs to them, and Latin words, alone', () => {
    expect(arabicQueryForms('كتاب')).toEqual(['كتاب']);
    expect(arabicQueryForms('بيت')).toEqual(['بيت']);
    expect(arabicQueryForms('reunion')).toEqual(['reunion']);
  });
});
