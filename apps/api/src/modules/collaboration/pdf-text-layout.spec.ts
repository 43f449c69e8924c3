import { describe, expect, it } from 'vitest';
import { breakLines, visualRuns } from './pdf-text-layout.js';

describe('visualRuns', () => {
  it('leaves a left-to-right line as one run', () => {
    expect(visualRuns('Org A and Org B', 'ltr')).toEqual([{ text: 'Org A and Org B', arabic: false }]);
  });

  it('puts a Latin name inside an Arabic sentence in the right place', () => {
    // Logical: Arabic words, then the Latin name, then Arabic again. Drawn left to right,
    // the last Arabic words come first and the first ones last.
    const runs = visualRuns('وقّعت Org A على الرسالة', 'rtl');
    expect(runs.map((r) => r.text).join('')).toBe('الرسالة على Org A وقّعت');
    expect(runs.filter((r) => r.text.trim()).map((r) => r.arabic)).toEqual([true, true, false, true]);
  });

  it('keeps numbers left to right inside right-to-left text', () => {
    const runs = visualRuns('التاريخ 2026', 'rtl');
    expect(runs.map((r) => r.text).join('')).toBe('2026 التاريخ');
  });

  it('mirrors brackets in right-to-left text', () => {
    expect(visualRuns('المنزليات (C189) فورًا.', 'rtl').map((r) => r.text).join('')).toBe('فورًا. (C189) المنزليات');
  });
});

describe('breakLines', () => {
  it('breaks at spaces within the width', () => {
    expect(breakLines('aa bb cc dd', 5, (t) => t.length)).toEqual(['aa bb', 'cc dd']);
  });
});
