import { LANGUAGES, directionOf, isLanguage, type Language } from '@tadamon/shared';

export { LANGUAGES, directionOf, isLanguage, type Language };

/** Each language named in itself, so a reader finds their own language whatever is shown. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  es: 'Español',
  nl: 'Nederlands',
};

export const LANGUAGE_STORAGE_KEY = 'tadamon.language';

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

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the choice still holds for this visit.
  }
}
