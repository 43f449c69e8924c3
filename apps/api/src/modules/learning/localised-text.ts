/**
 * The one rule for showing a course text ({"fr": "…", "ar": "…"}): the reader's language,
 * else the network's fallback order, else whatever language exists — the same rule the library
 * uses to pick a material's language version.
 */
export function pickText(
  texts: unknown,
  language: string,
  fallbackLanguages: readonly string[] = [],
): { text: string; language: string } {
  const map = (texts && typeof texts === 'object' ? texts : {}) as Record<string, unknown>;
  for (const candidate of [language, ...fallbackLanguages, ...Object.keys(map)]) {
    const value = map[candidate];
    if (typeof value === 'string' && value.trim() !== '') return { text: value, language: candidate };
  }
  return { text: '', language };
}

/** A reader's language with their network's fallbacks, curried for a whole answer. */
export function textPicker(language: string, fallbackLanguages: readonly string[] = []) {
  return (texts: unknown) => pickText(texts, language, fallbackLanguages).text;
}
