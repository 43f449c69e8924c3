import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { memoiseShaping } from './shaping-memo.js';

const require = createRequire(import.meta.url);
const open = (path: string) => fontkit.create(readFileSync(require.resolve(path)));
const NASKH = '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf';
const SERIF = '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf';

interface Run { glyphs: { id: number }[]; positions: Record<string, number>[]; advanceWidth: number }
const summary = (run: Run) => ({ ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })), width: run.advanceWidth });

describe('shaping remembered across documents', () => {
  it('gives the same glyphs and positions as fontkit itself, Arabic joining and features included', () => {
    const memoised = memoiseShaping(open(NASKH));
    const plain = open(NASKH);
    for (let i = 0; i < 2; i++) {
      expect(summary(memoised.layout('فاطمة الزهراء', ['rtla']))).toEqual(summary(plain.layout('فاطمة الزهراء', ['rtla'])));
      expect(summary(memoised.layout('فاطمة الزهراء'))).toEqual(summary(plain.layout('فاطمة الزهراء')));
    }
  });

  it('hands out fresh positions, so a caller scaling them in place (as pdfkit does) never changes the next document', () => {
    const memoised = memoiseShaping(open(SERIF));
    const expected = summary(open(SERIF).layout('Zoë Ñúñez-Dupré'));
    const first = memoised.layout('Zoë Ñúñez-Dupré');
    for (const position of first.positions) for (const key of Object.keys(position)) position[key] *= 1000 / 2048;
    expect(summary(memoised.layout('Zoë Ñúñez-Dupré'))).toEqual(expected);
  });
});
