import { LRUCache } from 'lru-cache';
import { mirrored } from './bidi-runs.js';

/**
 * Arabic words as one glyph each, so that a PDF's text layer says exactly what was written.
 *
 * pdfkit maps every glyph it embeds back to the characters fontkit first saw it made from. In
 * Arabic that is wrong: Noto Naskh draws ب ت ث ن ي from one dotless skeleton plus dot marks, so
 * "تاريخ" came back from a PDF reader as "تارتخ"; and tashkeel, ligatures and the vertical
 * offsets of joined letters made readers reorder or split words. Here each distinct Arabic word
 * of a document becomes one TrueType composite glyph in the embedded subset: its components are
 * the glyphs fontkit shaped, at the offsets fontkit gave them, so the page looks exactly as
 * before; its ToUnicode entry is the word itself. PDF readers (poppler's pdftotext, pdf.js)
 * reverse the characters of right-to-left text into reading order, so the entry holds the word's
 * characters last to first.
 */

/** The parts of a fontkit font this file uses. */
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}
interface FontkitFont {
  layout(text: string): { glyphs: FontkitGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  maxp: { maxComponentElements: number; maxComponentDepth: number };
}
/** The parts of pdfkit's EmbeddedFont (one font in one document) this file replaces or reads. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: FontSubset;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}
interface FontSubset {
  glyphs: unknown[];
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(glyphId: number): number;
  _addGlyph(glyph: unknown): number;
}
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** One shaped word: glyphs placed relative to the word's origin, in font units. */
interface WordShape {
  components: { glyphId: number; dx: number; dy: number }[];
  advance: number;
  bbox: [number, number, number, number];
}
/** A composite glyph waiting in the subset until pdfkit writes the font. */
interface CompositeEntry {
  composite: WordShape;
}

// A word is at most this many glyphs (TrueType composites hold up to 65,535; readers and
// renderers are happier with far fewer). Longer "words" fall back to pdfkit's own glyphs.
const MAX_COMPONENTS = 64;
const shapes = new WeakMap<FontkitFont, LRUCache<string, WordShape>>();

/** Shapes one word in font units, remembered per font across documents. */
function shapeWord(font: FontkitFont, word: string): WordShape {
  let cache = shapes.get(font);
  if (!cache) shapes.set(font, (cache = new LRUCache({ max: 20_000 })));
  const known = cache.get(word);
  if (known) return known;
  // The word sits in a right-to-left line: its brackets show mirrored.
  const run = font.layout([...word].map(mirrored).join(''));
  const components: WordShape['components'] = [];
  const box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  let x = 0;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    const dx = Math.round(x + position.xOffset);
    const dy = Math.round(position.yOffset);
    components.push({ glyphId: glyph.id, dx, dy });
    const b = glyph.bbox;
    if (Number.isFinite(b.minX) && b.maxX > b.minX) {
      box[0] = Math.min(box[0], b.minX + dx);
      box[1] = Math.min(box[1], b.minY + dy);
      box[2] = Math.max(box[2], b.maxX + dx);
      box[3] = Math.max(box[3], b.maxY + dy);
    }
    x += position.xAdvance;
  });
  const shape: WordShape = {
    components,
    advance: Math.round(x),
    bbox: Number.isFinite(box[0]) ? (box.map(Math.round) as WordShape['bbox']) : [0, 0, 0, 0],
  };
  cache.set(word, shape);
  return shape;
}

/** A TrueType composite glyph (glyf table) of the given subset glyph ids and offsets. */
function compositeGlyph(shape: WordShape, subsetIds: number[]): Uint8Array {
  const bytes = new Uint8Array(10 + subsetIds.length * 8);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, -1); // numberOfContours: composite
  shape.bbox.forEach((value, i) => view.setInt16(2 + i * 2, value));
  subsetIds.forEach((id, i) => {
    const at = 10 + i * 8;
    const more = i < subsetIds.length - 1 ? 0x0020 : 0; // MORE_COMPONENTS
    view.setUint16(at, 0x0001 | 0x0002 | more); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
    view.setUint16(at + 2, id);
    view.setInt16(at + 4, shape.components[i]!.dx);
    view.setInt16(at + 6, shape.components[i]!.dy);
  });
  return bytes;
}

/** Teaches the subset to write composite entries (plain glyph ids go the usual way). */
function acceptComposites(subset: FontSubset) {
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = function (this: FontSubset, glyph: unknown) {
    if (typeof glyph === 'number') return addGlyph(glyph);
    const { composite } = glyph as CompositeEntry;
    const ids = composite.components.map((c) => this.includeGlyph(c.glyphId));
    const bytes = compositeGlyph(composite, ids);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: composite.advance, bearing: composite.bbox[0] });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/** Marks a right-to-left piece inside a line given to the Arabic font (RIGHT-TO-LEFT ISOLATE … POP). */
export const RTL_START = '\u2067';
export const RTL_END = '\u2069';

const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!);

/**
 * Makes `embedded` (pdfkit's font object of one document) draw and measure a right-to-left
 * piece of text, given as written: its words (and any punctuation between spaces) are put in
 * visual order, each drawn as one glyph whose text is the word.
 */
export function drawArabicAsWords(embedded: EmbeddedFont) {
  if ((embedded as { wordGlyphs?: unknown }).wordGlyphs) return;
  const words = new Map<string, { id: number; advance: number }>();
  (embedded as { wordGlyphs?: unknown }).wordGlyphs = words;
  const { font, subset } = embedded;
  acceptComposites(subset);
  font.maxp.maxComponentElements = Math.max(font.maxp.maxComponentElements, MAX_COMPONENTS);
  font.maxp.maxComponentDepth = Math.max(font.maxp.maxComponentDepth, 1) + 1;
  const plainEncode = embedded.encode.bind(embedded);

  const glyphFor = (token: string) => {
    const known = words.get(token);
    if (known) return known;
    let glyph: { id: number; advance: number };
    if (/^\s+$/.test(token)) {
      const space = font.glyphForCodePoint(0x20);
      const id = subset.includeGlyph(space.id);
      glyph = { id, advance: space.advanceWidth * embedded.scale * token.length };
      embedded.unicode[id] = [0x20];
      embedded.widths[id] = space.advanceWidth * embedded.scale;
    } else {
      const shape = shapeWord(font, token);
      if (shape.components.length > MAX_COMPONENTS) return null;
      subset.glyphs.push({ composite: shape } satisfies CompositeEntry);
      const id = subset.glyphs.length - 1;
      embedded.unicode[id] = codePoints(token).reverse();
      embedded.widths[id] = shape.advance * embedded.scale;
      glyph = { id, advance: shape.advance * embedded.scale };
    }
    words.set(token, glyph);
    return glyph;
  };

  const encodeRightToLeft = (text: string, encoded: string[], positions: GlyphPosition[], features?: unknown) => {
    for (const token of text.split(/(\s+)/).filter(Boolean).reverse()) {
      const glyph = glyphFor(token);
      if (!glyph) {
        const [more, morePositions] = plainEncode(token, features);
        encoded.push(...more);
        positions.push(...morePositions);
        continue;
      }
      // A run of spaces is one space glyph, moved on by the others' width.
      encoded.push(glyph.id.toString(16).padStart(4, '0'));
      positions.push({ xAdvance: glyph.advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: embedded.widths[glyph.id]! });
    }
  };
  // Left-to-right pieces one character at a time: fontkit would lay Arabic-Indic digits out
  // right to left, and each character keeps a glyph (and a text) of its own.
  const encodeLeftToRight = (text: string, encoded: string[], positions: GlyphPosition[], features?: unknown) => {
    for (const char of text) {
      const [more, morePositions] = plainEncode(char, features);
      encoded.push(...more);
      positions.push(...morePositions);
    }
  };

  /** `text` is a line in visual order whose right-to-left pieces are isolated (U+2067 … U+2069). */
  embedded.encode = (text: string, features?: unknown) => {
    const encoded: string[] = [];
    const positions: GlyphPosition[] = [];
    for (const piece of text.split(/(\u2067[^\u2069]*\u2069)/).filter(Boolean)) {
      if (piece.startsWith(RTL_START)) encodeRightToLeft(piece.slice(1, -1), encoded, positions, features);
      else encodeLeftToRight(piece, encoded, positions, features);
    }
    return [encoded, positions];
  };
  embedded.widthOfString = (text: string, size: number) => {
    const [, positions] = embedded.encode(text);
    return (positions.reduce((sum, p) => sum + p.xAdvance, 0) * size) / 1000;
  };
}
