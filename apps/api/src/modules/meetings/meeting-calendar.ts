import icalPackage, { ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { seriesEnd } from './meeting-time.js';
import { buildVtimezone } from './vtimezone.js';

const ical = icalPackage;

export interface CalendarMeeting {
  id: string;
  title: string;
  description: string;
  format: string;
  address: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  recurrence: string | null;
  excludedStarts: Date[];
  occurrenceMoves: { originalStart: Date; startsAt: Date; endsAt: Date }[];
  status: 'SCHEDULED' | 'CANCELLED' | 'PLANNING';
  sequence: number;
  updatedAt: Date;
  hostOrganisationName: string;
  organizer: { name: string; email: string };
  attendees: { userId: string; name: string; email: string; answer: 'YES' | 'MAYBE' | 'NO' }[];
}

export type CalendarPurpose = 'download' | 'invitation' | 'feed';

const PARTSTAT = {
  YES: ICalAttendeeStatus.ACCEPTED,
  MAYBE: ICalAttendeeStatus.TENTATIVE,
  NO: ICalAttendeeStatus.DECLINED,
} as const;

const STATUS = {
  SCHEDULED: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
  // Its time is not chosen yet: shown as tentative if someone downloads it anyway.
  PLANNING: ICalEventStatus.TENTATIVE,
} as const;

/** A stable UID per meeting, so every calendar updates the same event instead of adding one. */
export const meetingUid = (id: string) => `meeting-${id}@tadamon`;

/**
 * RFC 5545 text for one or more meetings. A cancelled meeting goes out with METHOD:CANCEL
 * (a single download or mail) or STATUS:CANCELLED (feeds, which may not carry METHOD:CANCEL).
 */
export function renderCalendar(meetings: CalendarMeeting[], purpose: CalendarPurpose, link: (id: string) => string): string {
  const calendar = ical({ name: 'Tadamon', prodId: { company: 'Tadamon', product: 'meetings', language: 'EN' } });
  const single = meetings.length === 1 && purpose !== 'feed' ? meetings[0]! : null;
  if (single) {
    calendar.method(single.status === 'CANCELLED' ? ICalCalendarMethod.CANCEL : purpose === 'invitation' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH);
  } else {
    calendar.method(ICalCalendarMethod.PUBLISH);
  }
  const zones = new Map<string, { from: Date; to: Date }>();
  for (const meeting of meetings) {
    const span = zones.get(meeting.timeZone);
    const end = seriesEnd(meeting);
    zones.set(meeting.timeZone, {
      from: span && span.from < meeting.startsAt ? span.from : meeting.startsAt,
      to: span && span.to > end ? span.to : end,
    });
  }
  // One VTIMEZONE per zone used, covering every occurrence of the meetings in that zone.
  const vtimezones = [...zones].map(([zone, span]) => buildVtimezone(zone, span.from, span.to));
  for (const meeting of meetings) addEvent(calendar, meeting, link(meeting.id));
  // ical-generator writes one calendar-level zone; we insert ours, exact for every zone used.
  return calendar.toString().replace('BEGIN:VEVENT', `${vtimezones.join('\r\n')}\r\nBEGIN:VEVENT`);
}

function addEvent(calendar: ReturnType<typeof ical>, meeting: CalendarMeeting, url: string) {
  const zoned = (d: Date) => DateTime.fromJSDate(d, { zone: meeting.timeZone });
  const location = [meeting.address, meeting.onlineUrl].filter(Boolean).join(' — ');
  const event = calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    start: zoned(meeting.startsAt),
    end: zoned(meeting.endsAt),
    timezone: meeting.timeZone,
    summary: meeting.title,
    description: [meeting.description, url].filter(Boolean).join('\n\n'),
    location: location || null,
    url,
    status: STATUS[meeting.status],
    organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
  });
  if (meeting.recurrence) {
    const exdates = meeting.excludedStarts.map((d) => zoned(d).toFormat("yyyyMMdd'T'HHmmss"));
    const lines = [`RRULE:${meeting.recurrence}`];
    if (exdates.length) lines.push(`EXDATE;TZID=${meeting.timeZone}:${exdates.join(',')}`);
    event.repeating(lines.join('\r\n'));
  }
  for (const attendee of meeting.attendees) {
    event.createAttendee({ name: attendee.name, email: attendee.email, status: PARTSTAT[attendee.answer] });
  }
  if (!meeting.recurrence) return;
  // A moved occurrence: a second VEVENT with the same UID whose RECURRENCE-ID names the start
  // the rule gives it (RFC 5545 §3.8.4.4); calendars replace that occurrence with this one.
  const excluded = new Set(meeting.excludedStarts.map((d) => d.getTime()));
  for (const move of meeting.occurrenceMoves.filter((m) => !excluded.has(m.originalStart.getTime()))) {
    const override = calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.sequence,
      stamp: meeting.updatedAt,
      recurrenceId: zoned(move.originalStart),
      start: zoned(move.startsAt),
      end: zoned(move.endsAt),
      timezone: meeting.timeZone,
      summary: meeting.title,
      description: [meeting.description, url].filter(Boolean).join('\n\n'),
      location: location || null,
      url,
      status: STATUS[meeting.status],
      organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
    });
    for (const attendee of meeting.attendees) {
      override.createAttendee({ name: attendee.name, email: attendee.email, status: PARTSTAT[attendee.answer] });
    }
  }
}
