import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressList, suppressTable, suppressedEntries } from './small-cell-suppression.js';

const shown = (p: { value: number | null }) => p.value;

describe('small-cell suppression', () => {
  it('withholds every count of 1 to 4 people and shows 0 and 5', () => {
    const { items } = suppressList([0, 5, 1, 4, 12]);
    expect(items.map((p) => p.suppressed)).toEqual([false, false, true, true, false]);
    expect(items.map(shown)).toEqual([0, 5, null, null, 12]);
  });

  it('withholds the next-smallest cell when one small cell could be worked out from the total', () => {
    // "women 3, men 40, others 7, total 50": 3 = 50 − 40 − 7 unless a second cell is withheld.
    const { items, total } = suppressList([3, 40, 7]);
    expect(items.map(shown)).toEqual([null, 40, null]);
    expect(total).toEqual({ value: 50, suppressed: false });
  });

  it('withholds the total when the only other part is withheld already', () => {
    const { items, total } = suppressList([2, 3]);
    expect(items.map(shown)).toEqual([null, null]);
    expect(total.value).toBe(5);
    // Two small parts together are a safe total: nobody can split 5 into 2 and 3.
    const single = suppressList([3]);
    expect(single.items[0]!.suppressed).toBe(true);
    expect(single.total.suppressed).toBe(true);
  });

  it('protects a table by rows and columns, and keeps the small total of a column hidden too', () => {
    //            women men
    // Morocco      3   20
    // Tunisia     10   30
    const table = suppressTable([
      [3, 20],
      [10, 30],
    ]);
    expect(table.cells.map((row) => row.map(shown))).toEqual([
      [null, null],
      [null, null],
    ]);
    // Row and column totals stay: every line has two gaps.
    expect(table.rowTotals.map(shown)).toEqual([23, 40]);
    expect(table.columnTotals.map(shown)).toEqual([13, 50]);
    expect(table.total.value).toBe(63);
  });

  it('prefers a positive complementary cell to a zero', () => {
    const { items } = suppressList([2, 0, 9, 30]);
    expect(items.map(shown)).toEqual([null, 0, null, 30]);
  });

  it('leaves a table with no small cell untouched', () => {
    const table = suppressTable([
      [5, 6],
      [7, 0],
    ]);
    expect(table.cells.flat().some((c) => c.suppressed)).toBe(false);
    expect(table.total.value).toBe(18);
  });

  it('never leaves a published relation with exactly one withheld entry, and withholds every small count (property)', () => {
    const tables = fc.integer({ min: 1, max: 6 }).chain((columns) => fc.array(fc.array(fc.nat({ max: 30 }), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(tables, (cells) => {
        const t = suppressTable(cells);
        const rows = cells.length;
        const columns = cells[0]!.length;
        const lines = [
          ...t.cells.map((row, r) => [...row, t.rowTotals[r]!]),
          ...Array.from({ length: columns }, (_, c) => [...t.cells.map((row) => row[c]!), t.columnTotals[c]!]),
          [...t.rowTotals, t.total],
          [...t.columnTotals, t.total],
        ];
        for (const line of lines) expect(line.filter((p) => p.suppressed).length).not.toBe(1);
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < columns; c++) {
            const v = cells[r]![c]!;
            if (v > 0 && v < 5) expect(t.cells[r]![c]!.suppressed).toBe(true);
            if (!t.cells[r]![c]!.suppressed) expect(t.cells[r]![c]!.value).toBe(v);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('follows chained relations: withholding a month can open a gap in its quarter', () => {
    // Months Jan–Jun, quarters Q1 (0..2) and Q2 (3..5), and the half-year total.
    const months = [2, 10, 10, 10, 10, 10];
    const q1 = 22;
    const q2 = 30;
    const values = [...months, q1, q2, 52];
    const hidden = suppressedEntries(values, [
      { parts: [0, 1, 2], total: 6 },
      { parts: [3, 4, 5], total: 7 },
      { parts: [0, 1, 2, 3, 4, 5], total: 8 },
      { parts: [6, 7], total: 8 },
    ]);
    // January (2) and one other month of Q1 are withheld; Q1's total stays (two gaps in it),
    // and nothing else needs to go.
    expect(hidden.slice(0, 3).filter(Boolean).length).toBe(2);
    expect(hidden.slice(3).every((h) => !h)).toBe(true);
  });
});
