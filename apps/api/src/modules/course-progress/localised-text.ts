/**
 * Picks one text of a localised map ({"fr": "…", "ar": "…"}): the reader's language, else the
 * network's fallback order, else any language the text exists in. The one rule for course
 * titles in reports, exports and e-mails.
 */
export function pickLocalised(texts: unknown, language: string, fallbackLanguages: readonly string[] = []): string {
  const map = (texts && typeof texts === 'object' ? texts : {}) as Record<string, string>;
  for (const candidate of [language, ...fallbackLanguages, 'en']) {
    const text = map[candidate];
    if (text) return text;
  }
  return Object.values(map).find((t) => !!t) ?? '';
}
