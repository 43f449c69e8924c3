import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { memoiseShaping } from './shaping-memo.js';

// Fonts ship with the app from npm (TrueType, OFL): Noto Sans or Noto Serif for Latin scripts,
// Noto Naskh Arabic for Arabic. They are parsed once per process and handed to pdfkit as fontkit
// fonts (parsing the files for every PDF was the largest part of rendering a certificate); pdfkit
// embeds a subset of each in every PDF. Their shaping is remembered across documents.
const require = createRequire(import.meta.url);
const parse = (path: string) => memoiseShaping(fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/${path}`))));

const FILES = {
  sans: 'noto-sans/400Regular/NotoSans_400Regular.ttf',
  sansBold: 'noto-sans/700Bold/NotoSans_700Bold.ttf',
  serif: 'noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifBold: 'noto-serif/700Bold/NotoSerif_700Bold.ttf',
  arabic: 'noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  arabicBold: 'noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
} as const;

export type FontName = keyof typeof FILES;
export type LatinFamily = 'sans' | 'serif';

const parsed = new Map<FontName, unknown>();

/** The parsed font, loaded on first use. */
export function pdfFont(name: FontName): unknown {
  let font = parsed.get(name);
  if (!font) parsed.set(name, (font = parse(FILES[name])));
  return font;
}

export const FONT_NAMES = Object.keys(FILES) as FontName[];

/** The Arabic font draws right-to-left pieces and Arabic-Indic digits, the Latin one the rest. */
export function fontFor(arabic: boolean, bold: boolean, latin: LatinFamily): FontName {
  if (arabic) return bold ? 'arabicBold' : 'arabic';
  return latin === 'serif' ? (bold ? 'serifBold' : 'serif') : bold ? 'sansBold' : 'sans';
}

/** Can the Arabic font draw every character of `text`? (Noto Naskh has Latin letters too.) */
export function arabicFontDraws(text: string): boolean {
  const font = pdfFont('arabic') as { hasGlyphForCodePoint(codePoint: number): boolean };
  for (const char of text) if (!/\s/.test(char) && !font.hasGlyphForCodePoint(char.codePointAt(0)!)) return false;
  return true;
}
