import type { Language } from '@tadamon/shared';

export type { Language };

/*
 * The same values as @tadamon/shared's LANGUAGES / directionOf / isLanguage (a test checks it).
 * Importing them at run time would pull the whole shared package, zod included (~34 kB gz),
 * into the first route: the package has no `sideEffects: false`, so nothing is tree-shaken.
 */
export const LANGUAGES = ['en', 'fr', 'ar', 'es', 'nl'] as const satisfies readonly Language[];
const RTL: readonly string[] = ['ar'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL.includes(language) ? 'rtl' : 'ltr';
}

/** Each language named in itself, so a reader finds their own language whatever is shown. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  es: 'Español',
  nl: 'Nederlands',
};

export const LANGUAGE_STORAGE_KEY = 'tadamon.language';

/**
 * A browser's language tag reduced to its language: a browser set to Arabic (Morocco) says
 * "ar-MA", which must open the Arabic interface, not fall back to English as an unknown tag.
 */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/** Sets `<html lang dir>`; Mantine's DirectionProvider follows through `useAppDirection`. */
export function applyDocumentLanguage(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

export function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The stored choice, else the first of the browser's languages we have, else English. */
export function detectLanguage(): Language {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return readStoredLanguage() ?? browser.map(primaryLanguage).find(isLanguage) ?? 'en';
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the choice still holds for this visit.
  }
}
