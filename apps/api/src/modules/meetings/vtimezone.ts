import { DateTime } from 'luxon';

/**
 * A VTIMEZONE built from the runtime's own zone database, listing every offset change inside
 * the window explicitly (one STANDARD/DAYLIGHT block per change, no yearly RRULE).
 *
 * Why not a ready-made VTIMEZONE library: those describe a zone by one yearly rule, which
 * cannot express Morocco's Ramadan shifts (Africa/Casablanca goes from +01 to +00 for about a
 * month whose dates follow the lunar calendar). A calendar reading such a rule would put every
 * Ramadan meeting an hour off. Explicit transitions are valid RFC 5545 and exact.
 */
export function buildVtimezone(timeZone: string, from: Date, to: Date): string {
  const start = DateTime.fromJSDate(from, { zone: timeZone }).minus({ days: 1 });
  const end = DateTime.fromJSDate(to, { zone: timeZone }).plus({ days: 1 });
  const transitions = findTransitions(timeZone, start.toMillis(), end.toMillis());
  const initialOffset = DateTime.fromMillis(start.toMillis(), { zone: timeZone }).offset;
  const offsets = [initialOffset, ...transitions.map((t) => t.offsetAfter)];
  // The smallest offset in use counts as "standard"; anything above it is daylight (or, in
  // Casablanca, the +01 that tzdata models as standard with a negative Ramadan "DST").
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  // The offset in force at the window's start, so every time inside the window resolves.
  lines.push(...block(standard, initialOffset, initialOffset, start.startOf('day'), timeZone));
  for (const t of transitions) {
    const localStart = DateTime.fromMillis(t.at, { zone: 'UTC' }).plus({ minutes: t.offsetBefore });
    lines.push(...block(standard, t.offsetBefore, t.offsetAfter, localStart, timeZone, t.at));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function block(standard: number, from: number, to: number, localStart: DateTime, zone: string, at?: number) {
  const kind = to > standard ? 'DAYLIGHT' : 'STANDARD';
  const name = DateTime.fromMillis(at ?? localStart.toMillis(), { zone }).toFormat('ZZZZ');
  return [
    `BEGIN:${kind}`,
    // DTSTART is the wall time just before the change, in the offset that was in force.
    `DTSTART:${localStart.toFormat("yyyyMMdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `TZNAME:${name.replace(/[^A-Za-z0-9+-]/g, '')}`,
    `END:${kind}`,
  ];
}

interface Transition {
  at: number;
  offsetBefore: number;
  offsetAfter: number;
}

/** Offset changes between two instants: hourly steps, then a binary search to the minute. */
function findTransitions(zone: string, fromMs: number, toMs: number): Transition[] {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const step = 6 * 3600_000;
  const result: Transition[] = [];
  let previous = offsetAt(fromMs);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const current = offsetAt(t);
    if (current === previous) continue;
    let low = t - step;
    let high = t;
    while (high - low > 60_000) {
      const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
      if (middle <= low) break;
      if (offsetAt(middle) === previous) low = middle;
      else high = middle;
    }
    result.push({ at: high, offsetBefore: previous, offsetAfter: current });
    previous = current;
  }
  return result;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
