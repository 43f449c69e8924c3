import { REPORT_METRIC_KIND, type PublishedCount, type TargetProgress, type TargetStatus } from '@tadamon/shared';
import { isSmallCount, published } from './small-cell-suppression.js';
import type { TargetMonthRow } from './target-progress.repository.js';

const DAY = 86_400_000;

/**
 * A month-by-month trend of a running count publishes its differences too: 12 people in March
 * and 14 in April tells that 2 people were trained in April. Walking back from the latest
 * value, a point is published only when it and its difference from the next published point
 * are each 0 or at least 5, so no published step counts fewer than 5 people.
 */
export function publishedTrend(values: readonly number[]): PublishedCount[] {
  const out: PublishedCount[] = new Array(values.length);
  let next: number | null = null;
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i]!;
    const safe = !isSmallCount(value) && (next === null || !isSmallCount(next - value));
    out[i] = published(value, !safe);
    if (safe) next = value;
  }
  return out;
}

/** A share in whole percent, withheld when the group or either side of it is fewer than 5 people. */
export function publishedShare(part: number, base: number): PublishedCount {
  if (base === 0) return published(0, true);
  const hide = base < 5 || isSmallCount(part) || isSmallCount(base - part);
  return published(Math.round((part * 100) / base), hide);
}

/** Groups the repository's monthly rows by target and says where each stands. */
export function targetProgress(rows: readonly TargetMonthRow[], now: Date): TargetProgress[] {
  const byTarget = new Map<string, TargetMonthRow[]>();
  for (const row of rows) byTarget.set(row.id, [...(byTarget.get(row.id) ?? []), row]);
  return [...byTarget.values()].map((points) => {
    const first = points[0]!;
    const kind = REPORT_METRIC_KIND[first.metric];
    const months = points.filter((p) => p.month !== null);
    const trend =
      kind === 'percentage'
        ? months.map((p) => ({ month: p.month!, value: publishedShare(p.value ?? 0, p.base ?? 0) }))
        : publishedTrend(months.map((p) => p.value ?? 0)).map((value, i) => ({ month: months[i]!.month!, value }));
    const current = trend.length ? trend[trend.length - 1]!.value : published(0, false);
    const start = Date.parse(`${first.periodStart}T00:00:00Z`);
    const end = Date.parse(`${first.periodEnd}T00:00:00Z`) + DAY;
    const elapsed = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
    const expectedByNow = months.length === 0 ? null : kind === 'percentage' ? first.targetValue : Math.round(first.targetValue * elapsed);
    return {
      id: first.id,
      metric: first.metric,
      kind,
      country: first.country,
      targetValue: first.targetValue,
      periodStart: first.periodStart,
      periodEnd: first.periodEnd,
      note: first.note,
      current,
      expectedByNow,
      trend,
      status: statusOf(current, first.targetValue, expectedByNow, months.length > 0, elapsed >= 1),
    };
  });
}

function statusOf(current: PublishedCount, target: number, expected: number | null, started: boolean, ended: boolean): TargetStatus {
  if (!started) return 'notStarted';
  if (current.value === null) return 'unknown';
  if (current.value >= target) return 'achieved';
  if (ended) return 'missed';
  return current.value >= (expected ?? 0) ? 'onTrack' : 'behind';
}
