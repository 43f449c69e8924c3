/** The text in `language`, else English, else any language the text exists in. */
export function localised(texts: unknown, language: string): string {
  const map = (texts ?? {}) as Record<string, string>;
  return map[language] ?? map.en ?? Object.values(map)[0] ?? '';
}
