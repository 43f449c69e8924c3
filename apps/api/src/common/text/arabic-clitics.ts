/**
 * Arabic words carry their conjunction (و, ف), preposition (ب, ك, ل) and article (ال, with ل:
 * لل) written onto them. The search vectors index every Arabic word with its prefix-stripped
 * forms beside it (SQL `tadamon_arabic_forms`, migration arabic_clitic_search), so "صابون"
 * finds "وصابون". This is the query side: what the person typed with such prefixes also
 * looks for the bare word ("والصابون" finds "صابون"). Only the conjunction and the article are
 * stripped here — a leading ب/ك/ل alone is too often part of the word (بيت, كتاب, لبنان) to drop
 * from a query.
 */
const LETTER = '[\u0621-\u064A]';
const QUERY_FORMS = [
  new RegExp(`^[وف](${LETTER}{3,})$`, 'u'),
  new RegExp(`^[وف]?[بكل]?ال(${LETTER}{2,})$`, 'u'),
  new RegExp(`^[وف]?لل(${LETTER}{2,})$`, 'u'),
];

/** Vowel marks and the stretching tatweel, which the SQL fold drops too. */
const MARKS = /[\u064B-\u065F\u0670\u0640]/gu;

/** The word and the prefix-stripped forms to look for as well (no duplicates). */
export function arabicQueryForms(word: string): string[] {
  const bare = word.replace(MARKS, '').replace(/[أإآٱ]/gu, 'ا');
  const forms = new Set([word]);
  for (const pattern of QUERY_FORMS) {
    const stripped = pattern.exec(bare)?.[1];
    if (stripped) forms.add(stripped);
  }
  return [...forms];
}
