import { afterEach, describe, expect, it, vi } from 'vitest';
import * as shared from '@tadamon/shared';
import { LANGUAGES, detectLanguage, directionOf, isLanguage, primaryLanguage, storeLanguage } from './languages';

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

  describe('the language a first visit opens in', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      localStorage.clear();
    });
    const browserSays = (...languages: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);

    it("is the browser's first language we have, by its primary subtag", () => {
      browserSays('de-DE', 'ar-MA', 'fr');
      expect(detectLanguage()).toBe('ar');
    });

    it('is English when the browser has none of ours', () => {
      browserSays('de-DE', 'pt');
      expect(detectLanguage()).toBe('en');
    });

    it("is the person's stored choice over the browser's", () => {
      browserSays('ar-MA');
      storeLanguage('nl');
      expect(detectLanguage()).toBe('nl');
    });
  });
});
