import { arabicQueryForms } from './arabic-clitics.js';
import { foldText } from './fold.js';

/**
 * What a person typed in a search box, turned into query syntax safely. Every search in the API
 * builds its patterns here, so that "50%" or "it's | !x" means the same words everywhere.
 */

/**
 * A LIKE pattern matching `text` anywhere, with the user's %, _ and \ taken literally. Not
 * folded: for SQL that folds both sides itself (`tadamon_fold(col) LIKE tadamon_fold(pattern)`).
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The same, folded with `foldText`, for comparison with `foldedSql(column)`. */
export function containsPattern(text: string): string {
  return likeContains(foldText(text));
}

/**
 * A PostgreSQL tsquery in text form: each word the person typed as a prefix ("organis" finds
 * "organising"), all required, at most eight. An Arabic word typed with its attached prefixes
 * (و, ف, ب, ل, ك, ال…) also looks for the bare word; the index holds both (see
 * arabic-clitics.ts and the arabic_clitic_search migration). Letters, digits and combining marks
 * only, so nothing can break the tsquery syntax; undefined when no word is left.
 */
export function prefixQuery(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words
    .slice(0, 8)
    .map((word) => {
      const forms = arabicQueryForms(word);
      return forms.length === 1 ? `${word}:*` : `(${forms.map((form) => `${form}:*`).join(' | ')})`;
    })
    .join(' & ');
}
