import { REPORT_MIN_GROUP_SIZE } from '@tadamon/shared';

/**
 * Small-cell suppression for published counts of people (issue 19).
 *
 * A count of 1 to 4 people could point at someone, so it is withheld ("fewer than 5"). That
 * alone is not enough when totals are shown too: in a row "women 3, men 40, total 43" anyone
 * can subtract. So every published relation "these parts add up to that total" is checked, and
 * while one of them has exactly one withheld entry, a second entry of it is withheld too — the
 * smallest part still shown (so as little as possible is lost), or the total when every part is
 * already withheld. Withholding one entry can leave another relation with a single gap, hence
 * the loop until no relation has exactly one. This is the usual "no line with a single
 * suppression" rule of statistical offices; it is applied to whatever relations the caller
 * publishes (rows and columns of a table, months of a quarter, quarters of the period…).
 *
 * Zero is shown: a count of nobody identifies nobody, and hiding zeros would hide most of a
 * small network's table. A zero is chosen as a complementary cell only when no positive one is
 * left, since withholding a zero beside a small count protects less.
 */
export const SMALL_CELL_THRESHOLD = REPORT_MIN_GROUP_SIZE;

/** Entries `parts` add up to entry `total` (indices into the values). */
export interface SumRelation {
  parts: readonly number[];
  total: number;
}

export const isSmallCount = (value: number, threshold = SMALL_CELL_THRESHOLD) => value > 0 && value < threshold;

/** Which of `values` must be withheld; `values[i]` are counts of people, `relations` what is published about them. */
export function suppressedEntries(values: readonly number[], relations: readonly SumRelation[], threshold = SMALL_CELL_THRESHOLD): boolean[] {
  const hidden = values.map((v) => isSmallCount(v, threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const members = [...relation.parts, relation.total];
      if (members.filter((i) => hidden[i]).length !== 1) continue;
      const shownParts = relation.parts.filter((i) => !hidden[i]);
      const pick = shownParts.length > 0 ? smallest(shownParts, values) : relation.total;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

/** The smallest positive value's index, else the smallest (a zero); ties go to the first. */
function smallest(indices: number[], values: readonly number[]): number {
  const positive = indices.filter((i) => values[i]! > 0);
  const pool = positive.length > 0 ? positive : indices;
  return pool.reduce((best, i) => (values[i]! < values[best]! ? i : best));
}

/** A published count: the number, or null with `suppressed` when it is withheld. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

export const published = (value: number, suppressed: boolean): PublishedCount => (suppressed ? { value: null, suppressed: true } : { value, suppressed: false });

/**
 * A table with row totals, column totals and a grand total, all published: returns the
 * cells, row totals, column totals and grand total with the withheld ones nulled.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold = SMALL_CELL_THRESHOLD) {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0]!.length;
  const values: number[] = [];
  const cell = (r: number, c: number) => r * columns + c;
  for (const row of cells) values.push(...row);
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  for (const row of cells) values.push(row.reduce((a, b) => a + b, 0));
  for (let c = 0; c < columns; c++) values.push(cells.reduce((sum, row) => sum + row[c]!, 0));
  values.push(values.slice(rows * columns, rows * columns + rows).reduce((a, b) => a + b, 0));
  const relations: SumRelation[] = [];
  for (let r = 0; r < rows; r++) relations.push({ parts: range(columns).map((c) => cell(r, c)), total: rowTotal(r) });
  for (let c = 0; c < columns; c++) relations.push({ parts: range(rows).map((r) => cell(r, c)), total: columnTotal(c) });
  relations.push({ parts: range(rows).map(rowTotal), total: grand });
  relations.push({ parts: range(columns).map(columnTotal), total: grand });
  const hidden = suppressedEntries(values, relations, threshold);
  const out = (i: number) => published(values[i]!, hidden[i]!);
  return {
    cells: range(rows).map((r) => range(columns).map((c) => out(cell(r, c)))),
    rowTotals: range(rows).map((r) => out(rowTotal(r))),
    columnTotals: range(columns).map((c) => out(columnTotal(c))),
    total: out(grand),
  };
}

/**
 * A list of counts and their published total (a breakdown by country, the months of a
 * period): one relation.
 */
export function suppressList(counts: readonly number[], threshold = SMALL_CELL_THRESHOLD) {
  const total = counts.reduce((a, b) => a + b, 0);
  const hidden = suppressedEntries([...counts, total], [{ parts: range(counts.length), total: counts.length }], threshold);
  return { items: counts.map((n, i) => published(n, hidden[i]!)), total: published(total, hidden[counts.length]!) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
