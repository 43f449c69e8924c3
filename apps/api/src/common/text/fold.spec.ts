import { describe, expect, it } from 'vitest';
import { FOLD_FROM, FOLD_TO, foldText } from './fold.js';

describe('foldText', () => {
  it('ignores case and accents the way people type on a phone', () => {
    expect(foldText('Meknès')).toBe('meknes');
    expect(foldText('ÉCOLE Ñandú Øresund Łódź')).toBe('ecole nandu oresund lodz');
  });

  it('treats decomposed accents like composed ones', () => {
    expect(foldText('Mekne\u0300s')).toBe('meknes');
  });

  it('ignores Arabic short vowels, tatweel and hamza on alef', () => {
    expect(foldText('جَمْعِيَّة الأمـــل')).toBe(foldText('جمعية الامل'));
  });

  it('keeps letters it has no reason to change', () => {
    expect(foldText('Zürich 2024 – ß')).toBe('zurich 2024 – ß');
  });
});

describe('SQL translate table', () => {
  it('maps one-to-one, with only dropped characters past the end of `to`', () => {
    expect([...FOLD_FROM].length).toBeGreaterThan([...FOLD_TO].length);
    expect(new Set(FOLD_FROM).size).toBe([...FOLD_FROM].length);
    expect([...FOLD_TO].every((c) => c.length === 1)).toBe(true);
  });
});
