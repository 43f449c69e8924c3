import { describe, expect, it } from 'vitest';
import * as shared from '@tadamon/shared';
import { LANGUAGES, directionOf, isLanguage, primaryLanguage } from './languages';

describe('languages (kept in step with @tadamon/shared without importing it at run time)', () => {
  it('lists the same languages and directions as the shared package', () => {
    expect([...LANGUAGES]).toEqual([...shared.LANGUAGES]);
    for (const language of [...LANGUAGES, 'de', 'he']) {
      expect(directionOf(language), language).toBe(shared.directionOf(language));
      expect(isLanguage(language), language).toBe(shared.isLanguage(language));
    }
  });

  it("reads a browser's regional tag as its language, so ar-MA opens the Arabic interface", () => {
    expect(['ar-MA', 'fr-FR', 'en_GB', 'NL-be', 'es'].map(primaryLanguage)).toEqual(['ar', 'fr', 'en', 'nl', 'es']);
  });
});
