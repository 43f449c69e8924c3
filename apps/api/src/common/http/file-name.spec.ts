import { describe, expect, it } from 'vitest';
import { fileNameStem } from './file-name.js';

describe('fileNameStem', () => {
  it('keeps the words of a Latin title, without accents or punctuation', () => {
    expect(fileNameStem('Lettre commune : la sécurité sociale pour tous !', 'document')).toBe('Lettre-commune-la-securite-sociale-pour-tous');
  });

  it('falls back when nothing of the title can go into a file name', () => {
    expect(fileNameStem('قيادة فريق من المتطوعين', 'toolkit')).toBe('toolkit');
  });

  it('stops at 60 characters', () => {
    expect(fileNameStem('word '.repeat(30), 'document').length).toBeLessThanOrEqual(60);
  });
});
