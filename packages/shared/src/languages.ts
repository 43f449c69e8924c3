/** The five interface languages. Arabic is written right to left. */
export const LANGUAGES = ['en', 'fr', 'ar', 'es', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['ar'];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return (RTL_LANGUAGES as readonly string[]).includes(language) ? 'rtl' : 'ltr';
}

/**
 * The locale dates are written in for an interface language, in the SPA, mails and PDFs alike.
 * English is read across the network, not in the US: "1 July 2027" and a 24-hour clock.
 */
export function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}
