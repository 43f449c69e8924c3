import * as bidiModule from 'bidi-js';
import type { Bidi } from 'bidi-js';

// bidi-js is CommonJS whose export is a factory; how it surfaces differs between Node's ESM
// loader and bundlers, so take it from wherever it is.
type Factory = () => Bidi;
const exported = bidiModule as unknown as { default?: Factory | { default?: Factory } };
const factory = (typeof exported.default === 'function' ? exported.default : exported.default?.default) as Factory;
const bidi = factory();
/** Characters only an Arabic font draws: letters, digits, punctuation. */
export const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** A piece of one line of one direction, in visual (left-to-right drawing) order. */
export interface VisualRun {
  /** The piece as written (logical order). */
  text: string;
  /** A right-to-left piece: drawn by the Arabic font as words (see arabic-word-glyphs). */
  rtl: boolean;
  /** A left-to-right piece that only the Arabic font can draw (Arabic-Indic digits). */
  arabic: boolean;
  /** Where the piece starts in the line: readers take pieces in the order they are drawn. */
  start: number;
}

/**
 * Cuts one line into pieces of one direction, in visual order, following the Unicode
 * Bidirectional Algorithm (bidi-js): characters are grouped into runs of one embedding level
 * and the runs are put in visual order (rule L2).
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const runs: { text: string; level: number; start: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.text += char;
    else runs.push({ text: char, level: levels[i]!, start: i });
  }
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.flatMap((r): VisualRun[] => {
    if (r.level % 2 === 1) return [{ text: r.text, rtl: true, arabic: true, start: r.start }];
    // Left to right: Arabic-Indic digits need the Arabic font, the rest the Latin one.
    return r.text
      .split(/([\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)/)
      .filter(Boolean)
      .map((text, i, parts) => ({
        text,
        rtl: false,
        arabic: ARABIC.test(text),
        start: r.start + parts.slice(0, i).join('').length,
      }));
  });
}

/** The character a right-to-left line shows for `char`: "(" looks like ")" there. */
export function mirrored(char: string): string {
  return bidi.getMirroredCharacter(char) ?? char;
}

/** Greedy line breaking at spaces, measuring with the caller's width function. */
export function breakLines(paragraph: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && width(candidate) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}
