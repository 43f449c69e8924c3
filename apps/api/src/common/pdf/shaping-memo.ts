import { LRUCache } from 'lru-cache';

/** The parts of a fontkit font and glyph run this memo touches. */
interface GlyphRun {
  positions: object[];
}
interface ShapingFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
}

/**
 * Remembers how a fontkit font shapes each text, across documents. Shaping (OpenType
 * substitutions and kerning, Arabic joining) was the largest cost of a certificate, and most
 * of what a certificate prints repeats from one to the next: labels, dates, the organisation,
 * the network, signatories, common words of names. pdfkit keeps its own cache per document
 * only, and none at all when OpenType features are asked for, as they are for Arabic.
 *
 * pdfkit scales the positions of a run it receives in place, so each caller gets fresh copies
 * of the positions; glyphs are shared, as fontkit itself shares them.
 */
export function memoiseShaping<F extends ShapingFont>(font: F, max = 5_000): F {
  const shape = font.layout.bind(font);
  const runs = new LRUCache<string, GlyphRun>({ max });
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    // Script, language or direction given explicitly: rare, and not worth a key of their own.
    if (rest.length > 0) return shape(text, features, ...rest);
    const key = `${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      run = shape(text, features);
      runs.set(key, run);
    }
    return copyRun(run);
  };
  return font;
}

function copyRun(run: GlyphRun): GlyphRun {
  const copy: GlyphRun = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position));
  return copy;
}
