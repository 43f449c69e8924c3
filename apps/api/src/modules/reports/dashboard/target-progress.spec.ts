import { describe, expect, it } from 'vitest';
import { publishedShare, publishedTrend } from './target-progress.js';

const values = (points: { value: number | null }[]) => points.map((p) => p.value);

describe('a target’s running trend', () => {
  it('publishes no step of 1–4 people between two published points', () => {
    // Steps 7, 5, 3, 6, 8, 0: March's +3 would show, so February's 12 is withheld instead.
    expect(values(publishedTrend([7, 12, 15, 21, 29, 29]))).toEqual([7, null, 15, 21, 29, 29]);
  });

  it('withholds small running totals at the start and keeps the latest value when it is safe', () => {
    expect(values(publishedTrend([1, 3, 4, 9]))).toEqual([null, null, null, 9]);
    expect(values(publishedTrend([0, 0, 6]))).toEqual([0, 0, 6]);
  });

  it('withholds the latest value itself when it is a small count', () => {
    expect(publishedTrend([2])[0]).toEqual({ value: null, suppressed: true });
  });
});

describe('a published share', () => {
  it('is a whole percentage when the group and both sides of it count 5 or more', () => {
    expect(publishedShare(6, 12)).toEqual({ value: 50, suppressed: false });
    expect(publishedShare(0, 12)).toEqual({ value: 0, suppressed: false });
  });

  it('is withheld when either side is 1–4 people or the group is under 5', () => {
    expect(publishedShare(8, 12).suppressed).toBe(true); // 4 are not women
    expect(publishedShare(2, 12).suppressed).toBe(true);
    expect(publishedShare(3, 4).suppressed).toBe(true);
    expect(publishedShare(0, 0).suppressed).toBe(true);
  });
});
