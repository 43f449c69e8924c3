import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderCalendar, type CalendarMeeting } from './meeting-calendar.js';
import { localToInstant } from './meeting-time.js';

/** Parses with ical.js (an independent implementation) and lists occurrence starts in UTC. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = root.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const starts: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && starts.length < 50; next = iterator.next()) {
    starts.push(next.toJSDate().toISOString());
  }
  return { root, vevent, event, starts };
}

function meeting(overrides: Partial<CalendarMeeting>): CalendarMeeting {
  return {
    id: '7f0c2f2e-3c56-4d4a-8f55-2d8c7c5d1a01',
    title: 'Réunion du réseau',
    description: 'Partage d’expérience',
    format: 'HYBRID',
    address: 'Rue de Fès 12, Tanger',
    onlineUrl: 'https://meet.example.org/tadamon',
    startsAt: new Date('2027-01-25T09:00:00Z'),
    endsAt: new Date('2027-01-25T10:30:00Z'),
    timeZone: 'Africa/Casablanca',
    recurrence: null,
    excludedStarts: [],
    occurrenceMoves: [],
    status: 'SCHEDULED',
    sequence: 0,
    updatedAt: new Date('2026-11-26T10:00:00Z'),
    hostOrganisationName: 'Association Al Amal Tanger',
    organizer: { name: 'Association Al Amal Tanger', email: 'leader@example.org' },
    attendees: [
      { userId: 'u1', name: 'Aminata Traoré', email: 'leader.bamako@example.org', answer: 'YES' },
      { userId: 'u2', name: 'Joris Peeters', email: 'leader.brussels@example.org', answer: 'MAYBE' },
    ],
    ...overrides,
  };
}

const link = (id: string) => `http://tadamon.test/meetings/${id}`;

describe('iCalendar output read back by ical.js', () => {
  it('keeps a weekly 10:00 Casablanca meeting at 10:00 local through the Ramadan shift', () => {
    const start = localToInstant('2027-01-25T10:00', 'Africa/Casablanca', 'startLocal');
    const end = localToInstant('2027-01-25T11:30', 'Africa/Casablanca', 'endLocal');
    const text = renderCalendar(
      [meeting({ startsAt: start, endsAt: end, recurrence: 'FREQ=WEEKLY;COUNT=8' })],
      'download',
      link,
    );
    const { starts } = parse(text);
    // Morocco is on +01, except around Ramadan 2027 (7 Feb – 14 Mar) when it is on +00.
    expect(starts).toEqual([
      '2027-01-25T09:00:00.000Z',
      '2027-02-01T09:00:00.000Z',
      '2027-02-08T10:00:00.000Z',
      '2027-02-15T10:00:00.000Z',
      '2027-02-22T10:00:00.000Z',
      '2027-03-01T10:00:00.000Z',
      '2027-03-08T10:00:00.000Z',
      '2027-03-15T09:00:00.000Z',
    ]);
  });

  it('follows the European and US clock changes, which fall on different Sundays', () => {
    const brussels = renderCalendar(
      [
        meeting({
          startsAt: localToInstant('2027-03-18T18:00', 'Europe/Brussels', 's'),
          endsAt: localToInstant('2027-03-18T19:00', 'Europe/Brussels', 'e'),
          timeZone: 'Europe/Brussels',
          recurrence: 'FREQ=WEEKLY;COUNT=3',
        }),
      ],
      'download',
      link,
    );
    // Brussels moves to summer time on 28 March 2027.
    expect(parse(brussels).starts).toEqual([
      '2027-03-18T17:00:00.000Z',
      '2027-03-25T17:00:00.000Z',
      '2027-04-01T16:00:00.000Z',
    ]);
    const newYork = renderCalendar(
      [
        meeting({
          startsAt: localToInstant('2027-03-08T09:00', 'America/New_York', 's'),
          endsAt: localToInstant('2027-03-08T10:00', 'America/New_York', 'e'),
          timeZone: 'America/New_York',
          recurrence: 'FREQ=WEEKLY;COUNT=3',
        }),
      ],
      'download',
      link,
    );
    // New York moves to daylight time on 14 March 2027, two weeks before Europe.
    expect(parse(newYork).starts).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ]);
  });

  it('leaves out a cancelled single occurrence (EXDATE in the host zone)', () => {
    const start = localToInstant('2027-02-01T10:00', 'Africa/Casablanca', 's');
    const text = renderCalendar(
      [
        meeting({
          startsAt: start,
          endsAt: new Date(start.getTime() + 3600_000),
          recurrence: 'FREQ=WEEKLY;COUNT=3',
          excludedStarts: [new Date('2027-02-08T10:00:00Z')],
        }),
      ],
      'download',
      link,
    );
    expect(parse(text).starts).toEqual(['2027-02-01T09:00:00.000Z', '2027-02-15T10:00:00.000Z']);
  });

  it('moves one occurrence with a RECURRENCE-ID override that ical.js applies to the series', () => {
    const start = localToInstant('2027-02-01T10:00', 'Africa/Casablanca', 's');
    const text = renderCalendar(
      [
        meeting({
          startsAt: start,
          endsAt: new Date(start.getTime() + 3600_000),
          recurrence: 'FREQ=WEEKLY;COUNT=3',
          occurrenceMoves: [
            { originalStart: new Date('2027-02-08T10:00:00Z'), startsAt: new Date('2027-02-09T14:00:00Z'), endsAt: new Date('2027-02-09T15:30:00Z') },
          ],
        }),
      ],
      'download',
      link,
    );
    expect(text).toContain('RECURRENCE-ID;TZID=Africa/Casablanca:20270208T100000');
    const { root, event } = parse(text);
    const [, override] = root.getAllSubcomponents('vevent');
    event.relateException(new ICAL.Event(override!));
    const iterator = event.iterator();
    const occurrences: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      occurrences.push(`${details.startDate.toJSDate().toISOString()}–${details.endDate.toJSDate().toISOString()}`);
    }
    expect(occurrences).toEqual([
      '2027-02-01T09:00:00.000Z–2027-02-01T10:00:00.000Z',
      '2027-02-09T14:00:00.000Z–2027-02-09T15:30:00.000Z',
      '2027-02-15T10:00:00.000Z–2027-02-15T11:00:00.000Z',
    ]);
  });

  it('names organiser, attendees with their answers, sequence and VTIMEZONE', () => {
    const text = renderCalendar([meeting({ sequence: 3 })], 'invitation', link);
    const { root, vevent, event } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(root.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Africa/Casablanca');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.uid).toBe('meeting-7f0c2f2e-3c56-4d4a-8f55-2d8c7c5d1a01@tadamon');
    expect(event.summary).toBe('Réunion du réseau');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Africa/Casablanca');
    expect(event.startDate.toString()).toBe('2027-01-25T10:00:00');
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:leader@example.org');
    expect(organizer.getParameter('cn')).toBe('Association Al Amal Tanger');
    const attendees = vevent.getAllProperties('attendee').map((a) => [String(a.getFirstValue()).toLowerCase(), a.getParameter('partstat')]);
    expect(attendees).toEqual([
      ['mailto:leader.bamako@example.org', 'ACCEPTED'],
      ['mailto:leader.brussels@example.org', 'TENTATIVE'],
    ]);
  });

  it('announces a cancellation with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const { root, vevent } = parse(renderCalendar([meeting({ status: 'CANCELLED', sequence: 1 })], 'download', link));
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
  });
});
