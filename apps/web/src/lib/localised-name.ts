/** The text in the reader's language, else English, else whichever language the type has. */
export function localisedName(names: Record<string, string>, language: string): string {
  return names[language] ?? names.en ?? Object.values(names)[0] ?? '';
}
