import { describe, expect, it } from 'vitest';
import { reminderDelay } from './meeting-notifications.service.js';
import { assertValidRecurrence, localToInstant, upcomingOccurrences } from './meeting-time.js';

describe('meeting times', () => {
  it('turns wall-clock times into instants with the offset of that day', () => {
    expect(localToInstant('2027-02-15T10:00', 'Africa/Casablanca', 'f').toISOString()).toBe('2027-02-15T10:00:00.000Z');
    expect(localToInstant('2027-04-15T10:00', 'Africa/Casablanca', 'f').toISOString()).toBe('2027-04-15T09:00:00.000Z');
    expect(localToInstant('2027-07-01T09:00', 'America/New_York', 'f').toISOString()).toBe('2027-07-01T13:00:00.000Z');
  });

  it('refuses a wall-clock time inside a spring-forward gap', () => {
    expect(() => localToInstant('2027-03-14T02:30', 'America/New_York', 'startLocal')).toThrow(/does not exist/);
  });

  it('refuses rules the rrule package cannot use', () => {
    expect(() => assertValidRecurrence('FREQ=WEEKLY;BYDAY=XX')).toThrow();
    expect(() => assertValidRecurrence('FREQ=WEEKLY;COUNT=5000')).toThrow();
    expect(() => assertValidRecurrence('FREQ=MONTHLY;BYDAY=1MO;COUNT=6')).not.toThrow();
  });

  it('lists the occurrences still to come, skipping cancelled ones', () => {
    const meeting = {
      startsAt: new Date('2027-01-04T09:00:00Z'),
      endsAt: new Date('2027-01-04T10:00:00Z'),
      timeZone: 'Africa/Casablanca',
      recurrence: 'FREQ=WEEKLY;COUNT=5',
      excludedStarts: [new Date('2027-01-18T09:00:00Z')],
    };
    const next = upcomingOccurrences(meeting, new Date('2027-01-11T09:30:00Z'), 10).map((o) => o.startsAt.toISOString());
    // The one running at 09:30 still counts until it ends.
    expect(next).toEqual(['2027-01-11T09:00:00.000Z', '2027-01-25T09:00:00.000Z', '2027-02-01T09:00:00.000Z']);
  });
});

describe('reminder delays from a fixed clock', () => {
  const start = new Date('2027-06-10T09:00:00Z');
  it('waits until 24 h and 1 h before the start', () => {
    const now = new Date('2027-06-08T09:00:00Z');
    expect(reminderDelay(start, 24 * 3600_000, now)).toBe(24 * 3600_000);
    expect(reminderDelay(start, 3600_000, now)).toBe(47 * 3600_000);
  });
  it('skips a reminder whose moment has passed', () => {
    expect(reminderDelay(start, 24 * 3600_000, new Date('2027-06-09T20:00:00Z'))).toBeNull();
  });
});
