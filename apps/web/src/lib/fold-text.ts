/**
 * Case-, accent- and Arabic-variant-insensitive form of a text, for filtering lists already in
 * the browser ("tanger" finds "Tanger", "emergence" finds "Émergence", "اسلام" finds "إسلام").
 * The server folds the same way for searches it answers (apps/api common/text/fold.ts).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '') // Latin accents, Arabic vowel marks
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '') // tatweel
    .toLowerCase();
}
