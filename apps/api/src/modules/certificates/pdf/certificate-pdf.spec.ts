import { describe, expect, it } from 'vitest';
import { forRightToLeft } from './certificate-pdf.js';

describe('right-to-left lines in the PDF', () => {
  it('pre-reverses digit runs only, so the reversed Arabic run prints them in order', () => {
    expect(forRightToLeft('سارية حتى 26 نوفمبر 2028')).toBe('سارية حتى 62 نوفمبر 8202');
    expect(forRightToLeft('فاطمة')).toBe('فاطمة');
    expect(forRightToLeft('٢٠٢٦')).toBe('٦٢٠٢');
  });
});
