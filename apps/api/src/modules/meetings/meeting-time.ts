import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { AppError } from '../../common/errors/app-error.js';

// rrule ships CommonJS; its named exports are reached through the default object under ESM.
const { RRule } = rrulePackage;

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  recurrence: string | null;
  excludedStarts: Date[];
  /** Occurrences moved to another time, by the start the rule gives them. */
  occurrenceMoves?: OccurrenceMove[];
}

export interface OccurrenceMove {
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
}

/** No series runs forever in our tables: far-future occurrences are cut off here. */
export const RECURRENCE_HORIZON_YEARS = 5;
const MAX_OCCURRENCES = 1000;

/** Field errors in the schema's form: the message is a validation key the SPA translates. */
const invalid = (field: string, key: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: { [field]: [{ code: 'custom', message: key }] } });

/**
 * Wall-clock time in a zone → UTC instant. A time that does not exist that day (the hour
 * skipped when clocks go forward) is refused rather than silently moved.
 */
export function localToInstant(local: string, timeZone: string, field: string): Date {
  const zoned = DateTime.fromISO(local, { zone: timeZone });
  if (!zoned.isValid) throw invalid(field, 'localDateTime', 'Not a valid date and time.');
  if (zoned.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
    throw invalid(field, 'nonexistentLocalTime', 'This time does not exist in this time zone on that day (clock change).');
  }
  return zoned.toJSDate();
}

export function instantToLocal(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Checks an RRULE body with the rrule package; a bad one is a field error, not a crash. */
export function assertValidRecurrence(recurrence: string | null): void {
  if (!recurrence) return;
  try {
    const options = RRule.parseString(recurrence);
    if (options.freq === undefined) throw new Error('no FREQ');
    if (options.count !== undefined && options.count !== null && options.count > MAX_OCCURRENCES) {
      throw new Error('COUNT too large');
    }
    // Some mistakes (BYDAY=XX) only show when the rule is used: use it once.
    new RRule({ ...options, dtstart: new Date(Date.UTC(2000, 0, 1)) }).all((_, i) => i < 2);
  } catch {
    throw invalid('recurrence', 'recurrence', 'This repetition rule is not valid.');
  }
}

/**
 * Every occurrence starting in [from, to). Recurrence is expanded on wall-clock time in the
 * host's zone ("every Monday at 10:00 in Casablanca"), each start then turned into an instant
 * with that day's offset — which is what calendars do with RRULE + TZID, so our reminders and
 * conflicts agree with the .ics people import.
 */
export function occurrencesBetween(meeting: MeetingTimes, from: Date, to: Date): Occurrence[] {
  const duration = meeting.endsAt.getTime() - meeting.startsAt.getTime();
  if (!meeting.recurrence) {
    return meeting.startsAt < to && meeting.startsAt >= from ? [{ startsAt: meeting.startsAt, endsAt: meeting.endsAt }] : [];
  }
  // Floating wall time, written as if it were UTC, so rrule's arithmetic never meets an offset.
  const wall = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone });
  const floatingStart = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const rule = new RRule({ ...RRule.parseString(meeting.recurrence), dtstart: floatingStart });
  const horizon = DateTime.fromJSDate(meeting.startsAt).plus({ years: RECURRENCE_HORIZON_YEARS }).toJSDate();
  const excluded = new Set(meeting.excludedStarts.map((d) => d.getTime()));
  const moves = meeting.occurrenceMoves ?? [];
  const movedAway = new Set(moves.map((m) => m.originalStart.getTime()));
  const result: Occurrence[] = [];
  // Widen the floating window by a day each side: offsets are at most ±14 h.
  const windowStart = new Date(Math.max(from.getTime(), meeting.startsAt.getTime()) - 86_400_000);
  const windowEnd = new Date(Math.min(to.getTime(), horizon.getTime()) + 86_400_000);
  for (const floating of rule.between(windowStart, windowEnd, true)) {
    const startsAt = DateTime.fromObject(
      {
        year: floating.getUTCFullYear(),
        month: floating.getUTCMonth() + 1,
        day: floating.getUTCDate(),
        hour: floating.getUTCHours(),
        minute: floating.getUTCMinutes(),
      },
      { zone: meeting.timeZone },
    ).toJSDate();
    if (startsAt < from || startsAt >= to || startsAt > horizon || excluded.has(startsAt.getTime())) continue;
    if (movedAway.has(startsAt.getTime())) continue;
    result.push({ startsAt, endsAt: new Date(startsAt.getTime() + duration) });
    if (result.length >= MAX_OCCURRENCES) break;
  }
  // A moved occurrence counts at its new time, wherever the rule would have put it.
  for (const move of moves) {
    if (move.startsAt >= from && move.startsAt < to && !excluded.has(move.originalStart.getTime())) {
      result.push({ startsAt: move.startsAt, endsAt: move.endsAt });
    }
  }
  if (moves.length) result.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return result;
}

/** The next `count` occurrences that have not ended yet at `now`. */
export function upcomingOccurrences(meeting: MeetingTimes, now: Date, count: number): Occurrence[] {
  const duration = meeting.endsAt.getTime() - meeting.startsAt.getTime();
  const from = new Date(now.getTime() - duration);
  // A single meeting needs no calendar arithmetic (its start is always before the horizon):
  // luxon's date maths was a sixth of the meetings list's CPU time (issue 18 profile).
  const far = meeting.recurrence
    ? DateTime.fromJSDate(meeting.startsAt).plus({ years: RECURRENCE_HORIZON_YEARS + 1 }).toJSDate()
    : new Date(meeting.startsAt.getTime() + 1);
  return occurrencesBetween(meeting, from, far)
    .filter((o) => o.endsAt > now)
    .slice(0, count);
}

/** The moment the last occurrence ends (bounded by the horizon), for "past" vs "upcoming". */
export function seriesEnd(meeting: MeetingTimes): Date {
  if (!meeting.recurrence) return meeting.endsAt;
  const far = DateTime.fromJSDate(meeting.startsAt).plus({ years: RECURRENCE_HORIZON_YEARS }).toJSDate();
  const all = occurrencesBetween(meeting, meeting.startsAt, far);
  return all.length ? all[all.length - 1]!.endsAt : meeting.endsAt;
}

export function overlaps(a: Occurrence, b: Occurrence): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
