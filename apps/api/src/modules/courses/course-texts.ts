/**
 * Picks the text a reader should see from a localised map {"fr": "…", "ar": "…"}: their
 * language, else the network's fallback languages in order, else any language present.
 * Courses use this one rule everywhere (the material library applies the same order).
 */
export function pickLocalised(texts: unknown, language: string, fallbackLanguages: readonly string[] = []): string {
  const map = (texts ?? {}) as Record<string, string | undefined>;
  for (const candidate of [language, ...fallbackLanguages]) {
    const text = map[candidate];
    if (text) return text;
  }
  return Object.values(map).find((text) => !!text) ?? '';
}

export type TextMap = Record<string, string>;

/** A localised map without empty entries and without languages outside `keep` (when given). */
export function cleanTexts(texts: unknown, keep?: readonly string[]): TextMap {
  const out: TextMap = {};
  for (const [language, text] of Object.entries((texts ?? {}) as Record<string, unknown>)) {
    if (typeof text !== 'string' || text.trim() === '') continue;
    if (keep && !keep.includes(language)) continue;
    out[language] = text;
  }
  return out;
}
