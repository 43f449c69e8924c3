/**
 * The one rule for showing a text stored per language ({"fr": "…", "ar": "…"}) — course and
 * lesson texts, certificate names, accreditation frameworks — in reports, e-mails and PDFs too:
 *
 *   the reader's language, else the network's fallback languages in order, else English, else
 *   any language the text exists in (in stored order).
 *
 * A blank entry counts as missing: an untranslated field left empty shows another language
 * rather than nothing. (The material library ranks whole language versions by the same order.)
 */
export interface PickedText {
  text: string;
  /** The language the text is in; the reader's own when there is no text at all. */
  language: string;
}

const asMap = (texts: unknown) => (texts && typeof texts === 'object' && !Array.isArray(texts) ? texts : {}) as Record<string, unknown>;
const readingOrder = (language: string, fallbackLanguages: readonly string[], map: Record<string, unknown>) => [
  language,
  ...fallbackLanguages,
  'en',
  ...Object.keys(map),
];

export function pickLocalisedText(texts: unknown, language: string, fallbackLanguages: readonly string[] = []): PickedText {
  const map = asMap(texts);
  for (const candidate of readingOrder(language, fallbackLanguages, map)) {
    const value = map[candidate];
    if (typeof value === 'string' && value.trim() !== '') return { text: value, language: candidate };
  }
  return { text: '', language };
}

/** The same rule for lists per language ({"fr": ["…"], "en": ["…"]}): the first non-empty one. */
export function localisedList(lists: unknown, language: string, fallbackLanguages: readonly string[] = []): string[] {
  const map = asMap(lists);
  for (const candidate of readingOrder(language, fallbackLanguages, map)) {
    const value = map[candidate];
    if (Array.isArray(value) && value.length > 0) return value.filter((item): item is string => typeof item === 'string');
  }
  return [];
}

/** Just the text of {@link pickLocalisedText}; '' when there is none. */
export function localisedText(texts: unknown, language: string, fallbackLanguages: readonly string[] = []): string {
  return pickLocalisedText(texts, language, fallbackLanguages).text;
}

/** {@link localisedText} with the reader's language and network fallbacks fixed, for a whole answer. */
export function localisedTextPicker(language: string, fallbackLanguages: readonly string[] = []) {
  return (texts: unknown) => localisedText(texts, language, fallbackLanguages);
}
