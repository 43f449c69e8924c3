import { describe, expect, it } from 'vitest';
import { breakLines, mirrored, visualRuns } from './bidi-runs.js';

const summary = (line: string, direction: 'ltr' | 'rtl') => visualRuns(line, direction).map(({ text, rtl }) => ({ text, rtl }));

describe('visualRuns', () => {
  it('leaves a left-to-right line as one run', () => {
    expect(visualRuns('Org A and Org B', 'ltr')).toEqual([{ text: 'Org A and Org B', rtl: false, arabic: false, start: 0 }]);
  });

  it('puts a Latin name inside an Arabic sentence in the right place', () => {
    // Logical: Arabic words, then the Latin name, then Arabic again. Drawn left to right, the
    // last Arabic words come first; each right-to-left run stays as written.
    expect(summary('وقّعت Org A على الرسالة', 'rtl')).toEqual([
      { text: ' على الرسالة', rtl: true },
      { text: 'Org A', rtl: false },
      { text: 'وقّعت ', rtl: true },
    ]);
  });

  it('keeps numbers left to right inside right-to-left text, Arabic-Indic digits in the Arabic font', () => {
    expect(summary('التاريخ 2026', 'rtl')).toEqual([
      { text: '2026', rtl: false },
      { text: 'التاريخ ', rtl: true },
    ]);
    const indic = visualRuns('رقم ١٢٣٤', 'rtl');
    expect(indic[0]).toMatchObject({ text: '١٢٣٤', rtl: false, arabic: true });
  });

  it('says where each run starts in the line as written, so runs can be written in reading order', () => {
    const line = 'وقّعت Org A على الرسالة';
    const runs = visualRuns(line, 'rtl');
    for (const run of runs) expect(line.slice(run.start, run.start + run.text.length)).toBe(run.text);
    expect([...runs].sort((a, b) => a.start - b.start).map((r) => r.text).join('')).toBe(line);
  });

  it('knows which characters show mirrored right to left', () => {
    expect(mirrored('(')).toBe(')');
    expect(mirrored('«')).toBe('»');
    expect(mirrored('a')).toBe('a');
  });
});

describe('breakLines', () => {
  it('breaks at spaces within the width', () => {
    expect(breakLines('aa bb cc dd', 5, (t) => t.length)).toEqual(['aa bb', 'cc dd']);
  });
});
