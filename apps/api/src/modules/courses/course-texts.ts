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
