import { Prisma } from '../../generated/prisma/client.js';

/**
 * Text folding for search: accent- and case-insensitive matching without the `unaccent` extension (which would need a
 * migration and may be missing from embedded PostgreSQL builds). The same character table is
 * used on both sides: PostgreSQL's built-in `translate()` folds stored names, `foldText` folds
 * what the user typed, so "meknes" finds "Meknès" and "أكادير" finds "اكادير".
 */

// Letters that Unicode decomposition does not reduce to a base letter.
const EXTRA_LETTERS: Record<string, string> = {
  ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ħ: 'h', Ħ: 'H', ı: 'i',
  // Arabic spelling variants people use interchangeably when typing: hamza-carrying alefs
  // and alef maqsura at the end of a word.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي',
};

function buildTable(): { from: string; to: string; dropped: string } {
  let from = '';
  let to = '';
  // Latin-1 Supplement and Latin Extended-A/B: é → e, Ç → C, ő → o …
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
    if (base !== letter && base.length === 1) {
      from += letter;
      to += base;
    }
  }
  for (const [letter, base] of Object.entries(EXTRA_LETTERS)) {
    from += letter;
    to += base;
  }
  // Dropped entirely: combining accents (decomposed input), Arabic short vowels and the
  // tatweel used to stretch words.
  let dropped = '\u0640\u0670';
  for (let code = 0x300; code <= 0x36f; code++) dropped += String.fromCodePoint(code);
  for (let code = 0x64b; code <= 0x65f; code++) dropped += String.fromCodePoint(code);
  return { from, to, dropped };
}

const TABLE = buildTable();

/** Arguments for SQL `lower(translate(column, from, to))`; characters past `to` are removed. */
export const FOLD_FROM = TABLE.from + TABLE.dropped;
export const FOLD_TO = TABLE.to;

const MAP = new Map<string, string>();
for (let i = 0; i < TABLE.from.length; i++) MAP.set(TABLE.from[i]!, TABLE.to[i]!);
const DROPPED = new Set(TABLE.dropped);

/** The JavaScript twin of the SQL fold, for what the user typed. */
export function foldText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (DROPPED.has(char)) continue;
    out += MAP.get(char) ?? char;
  }
  return out.toLowerCase();
}

/**
 * The same folding in SQL, for a column or expression: `lower(translate(x, FOLD_FROM, FOLD_TO))`.
 * (Full-text search uses the database's own `tadamon_fold()`, defined with `unaccent` in the
 * materials migration, because its search vectors are built by triggers inside PostgreSQL.)
 */
export function foldedSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(${column}, ${FOLD_FROM}, ${FOLD_TO}))`;
}
