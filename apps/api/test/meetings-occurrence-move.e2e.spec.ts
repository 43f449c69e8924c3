import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meetingDetailSchema } from '@tadamon/shared';
import { MeetingClock } from '../src/modules/meetings/meeting-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: MeetingClock;
const realNow = MeetingClock.prototype.now;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(MeetingClock);
  for (const who of ['leaderA', 'leaderB', 'volunteerB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

/** Mondays 10:00 in Casablanca (+01 in June): 09:00 UTC. */
const FIRST = new Date('2027-06-07T09:00:00Z');
const SECOND = new Date('2027-06-14T09:00:00Z');
const reminderJob = async (meetingId: string, start: Date, kind: string) =>
  (await t.bullQueue()).getJob(`meeting-reminder-${meetingId}-${start.getTime()}-${kind}`);
const getText = (client: TestClient, path: string) =>
  client.get(path).buffer(true).parse((res, done) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => done(null, body));
  });

async function series(title: string) {
  const meeting = await createMeeting(
    as.leaderA!,
    meetingBody(world.orgA.id, [world.orgB.id], { title, startLocal: '2027-06-07T10:00', endLocal: '2027-06-07T11:00', recurrence: 'FREQ=WEEKLY;COUNT=4' }),
  );
  await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
  return meeting;
}
const move = (who: string, id: string, body: Record<string, unknown>) => as[who]!.post(`/api/meetings/${id}/occurrences/move`, body);

describe('moving one occurrence of a series', () => {
  it('moves it, carries a RECURRENCE-ID override in the .ics, moves its reminders and tells participants', async () => {
    clock.now = () => new Date('2027-06-01T08:00:00Z');
    const meeting = await series('Hebdo');
    expect(await reminderJob(meeting.id, FIRST, '1440m')).toBeDefined();

    const response = await move('leaderA', meeting.id, { occurrenceStart: FIRST.toISOString(), startLocal: '2027-06-08T15:00', endLocal: '2027-06-08T16:30' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const moved = meetingDetailSchema.parse(response.body);
    expect(moved.upcomingOccurrences.slice(0, 2).map((o) => [o.startsAt, o.endsAt, o.hostLocal])).toEqual([
      ['2027-06-08T14:00:00.000Z', '2027-06-08T15:30:00.000Z', '2027-06-08T15:00'],
      [SECOND.toISOString(), '2027-06-14T10:00:00.000Z', '2027-06-14T10:00'],
    ]);
    expect(moved.movedOccurrences).toEqual([
      expect.objectContaining({ originalStart: FIRST.toISOString(), startsAt: '2027-06-08T14:00:00.000Z', hostLocal: '2027-06-08T15:00' }),
    ]);
    expect(moved.sequence).toBe(1);

    const ics = (await getText(as.volunteerB!, `/api/meetings/${meeting.id}/calendar.ics`)).body as string;
    expect(ics).toContain('RECURRENCE-ID;TZID=Africa/Casablanca:20270607T100000');
    expect(ics).toContain('DTSTART;TZID=Africa/Casablanca:20270608T150000');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    expect(await reminderJob(meeting.id, FIRST, '1440m')).toBeUndefined();
    expect(await reminderJob(meeting.id, FIRST, '60m')).toBeUndefined();
    expect(await reminderJob(meeting.id, new Date('2027-06-08T14:00:00Z'), '1440m')).toBeDefined();

    await t.mailbox.waitFor(world.volunteerB.email, (m) => !!m.subject?.includes('Hebdo') && !!m.text?.includes('changed'));
    const notice = await t.prisma.notification.findMany({ where: { userId: world.volunteerB.id, kind: 'meetingTimeChanged', link: `/meetings/${meeting.id}` } });
    expect(notice).toHaveLength(1);
  });

  it('moves a moved occurrence again (one override), and cancels it by its new time', async () => {
    clock.now = () => new Date('2027-06-01T08:00:00Z');
    const meeting = await series('Encore');
    await move('leaderA', meeting.id, { occurrenceStart: SECOND.toISOString(), startLocal: '2027-06-15T10:00', endLocal: '2027-06-15T11:00' });
    const again = await move('leaderA', meeting.id, { occurrenceStart: '2027-06-15T09:00:00.000Z', startLocal: '2027-06-16T10:00', endLocal: '2027-06-16T11:00' });
    expect(again.status).toBe(200);
    const rows = await t.prisma.meetingOccurrenceMove.findMany({ where: { meetingId: meeting.id } });
    expect(rows.map((r) => [r.originalStart.toISOString(), r.startsAt.toISOString()])).toEqual([[SECOND.toISOString(), '2027-06-16T09:00:00.000Z']]);

    const cancelled = await as.leaderA!.post(`/api/meetings/${meeting.id}/occurrences/cancel`, { occurrenceStart: '2027-06-16T09:00:00.000Z' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.excludedStarts).toEqual([SECOND.toISOString()]);
    expect(cancelled.body.movedOccurrences).toEqual([]);
    expect(cancelled.body.upcomingOccurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      FIRST.toISOString(),
      '2027-06-21T09:00:00.000Z',
      '2027-06-28T09:00:00.000Z',
    ]);
  });

  it('refuses a time that is not an occurrence, a single meeting, an end before the start, and other people', async () => {
    const meeting = await series('Refus');
    const notOne = await move('leaderA', meeting.id, { occurrenceStart: '2027-06-08T09:00:00.000Z', startLocal: '2027-06-09T10:00', endLocal: '2027-06-09T11:00' });
    expect(notOne.status).toBe(400);
    expect(notOne.body.details.fields.occurrenceStart[0].message).toBe('notAnOccurrence');
    const backwards = await move('leaderA', meeting.id, { occurrenceStart: FIRST.toISOString(), startLocal: '2027-06-09T10:00', endLocal: '2027-06-09T09:00' });
    expect(backwards.status).toBe(400);
    const single = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    const once = await move('leaderA', single.id, { occurrenceStart: single.startsAt, startLocal: '2027-06-09T10:00', endLocal: '2027-06-09T11:00' });
    expect(once.status).toBe(400);
    const body = { occurrenceStart: FIRST.toISOString(), startLocal: '2027-06-09T10:00', endLocal: '2027-06-09T11:00' };
    expect((await move('leaderB', meeting.id, body)).status).toBe(403);
    expect((await move('leaderC', meeting.id, body)).status).toBe(404);
    expect(await t.prisma.meetingOccurrenceMove.count({ where: { meetingId: { in: [meeting.id, single.id] } } })).toBe(0);
  });
});
