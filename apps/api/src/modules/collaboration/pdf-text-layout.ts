import * as bidiModule from 'bidi-js';
import type { Bidi } from 'bidi-js';

// bidi-js is CommonJS whose export is a factory; how it surfaces differs between Node's ESM
// loader and bundlers, so take it from wherever it is.
type Factory = () => Bidi;
const exported = bidiModule as unknown as { default?: Factory | { default?: Factory } };
const factory = (typeof exported.default === 'function' ? exported.default : exported.default?.default) as Factory;
const bidi = factory();
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** A piece of one line, drawn with one font, in visual (left-to-right drawing) order. */
export interface VisualRun {
  text: string;
  arabic: boolean;
}

/**
 * Reorders one line for drawing, following the Unicode Bidirectional Algorithm (bidi-js):
 * characters are grouped into runs of one embedding level, the runs are put in visual order
 * (rule L2), and mirrored characters such as brackets are swapped inside right-to-left runs.
 * Inside a run the text stays in logical order: fontkit shapes Arabic (joining forms,
 * ligatures) and lays right-to-left script runs out from the right by itself.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    let char = line[i]!;
    if (levels[i]! % 2 === 1) char = bidi.getMirroredCharacter(char) ?? char;
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.text += char;
    else runs.push({ text: char, level: levels[i]! });
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
  // Right-to-left runs are drawn word by word, words in reverse order: fontkit shapes and
  // lays out each Arabic word, and no space depends on how it places spaces inside a run.
  return runs.flatMap((r) => {
    if (r.level % 2 === 0) return [{ text: r.text, arabic: ARABIC.test(r.text) }];
    return r.text
      .split(/(\s+)/)
      .filter(Boolean)
      .reverse()
      .map((token) => {
        const arabic = ARABIC.test(token);
        // Neutral characters (brackets already mirrored) read right to left as well.
        return { text: arabic ? token : [...token].reverse().join(''), arabic };
      });
  });
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
