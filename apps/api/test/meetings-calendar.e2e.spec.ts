import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDetailSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['leaderA', 'leaderB', 'volunteerB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

/** Reads iCalendar text with ical.js; returns the first event and each event's UTC starts. */
function read(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent');
  const startsOf = (vevent: ICAL.Component) => {
    const iterator = new ICAL.Event(vevent).iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 20; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    return starts;
  };
  return { root, events, startsOf };
}

const getText = (client: TestClient, path: string) =>
  client.get(path).buffer(true).parse((res, done) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => done(null, body));
  });

describe('a meeting as an .ics download', () => {
  it('carries organiser, attendees, the host zone and a sequence that rises with each change', async () => {
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], { startLocal: '2027-01-25T10:00', endLocal: '2027-01-25T11:30', recurrence: 'FREQ=WEEKLY;COUNT=4' }),
    );
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    const first = await getText(as.volunteerB!, `/api/meetings/${meeting.id}/calendar.ics`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    const { root, events, startsOf } = read(first.body);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevent = events[0]!;
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${world.leaderA.email}`);
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe(`mailto:${world.volunteerB.email}`);
    expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
    // The third Monday falls in Morocco's Ramadan time (+00): still 10:00 local.
    expect(startsOf(vevent)).toEqual([
      '2027-01-25T09:00:00.000Z',
      '2027-02-01T09:00:00.000Z',
      '2027-02-08T10:00:00.000Z',
      '2027-02-15T10:00:00.000Z',
    ]);

    const { hostOrganisationId: _h, ...update } = meetingBody(world.orgA.id, [world.orgB.id], {
      startLocal: '2027-01-25T15:00',
      endLocal: '2027-01-25T16:00',
      recurrence: 'FREQ=WEEKLY;COUNT=4',
    });
    expect((await as.leaderA!.put(`/api/meetings/${meeting.id}`, update)).status).toBe(200);
    const second = read((await getText(as.volunteerB!, `/api/meetings/${meeting.id}/calendar.ics`)).body);
    expect(second.events[0]!.getFirstPropertyValue('sequence')).toBe(1);
    expect(second.startsOf(second.events[0]!)[2]).toBe('2027-02-08T15:00:00.000Z');

    // Who comes is for leaders: the host's copy lists everyone, a volunteer's only themself.
    await as.leaderB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'MAYBE' });
    const attendeesIn = (text: string) =>
      read(text).events[0]!.getAllProperties('attendee').map((a) => String(a.getFirstValue()).toLowerCase()).sort();
    expect(attendeesIn((await getText(as.leaderA!, `/api/meetings/${meeting.id}/calendar.ics`)).body)).toEqual(
      [`mailto:${world.leaderB.email}`, `mailto:${world.volunteerB.email}`].sort(),
    );
    expect(attendeesIn((await getText(as.volunteerB!, `/api/meetings/${meeting.id}/calendar.ics`)).body)).toEqual([
      `mailto:${world.volunteerB.email}`,
    ]);

    // The change reaches the invited leader by mail, with the new .ics.
    const mail = await t.mailbox.waitFor(world.leaderB.email, (m) => !!m.subject?.startsWith('Changed:'));
    const attached = read(mail.attachments[0]!.content.toString());
    expect(attached.events[0]!.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('goes out with METHOD:CANCEL when the meeting is cancelled', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'To be cancelled' }));
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    const cancelled = await as.leaderA!.post(`/api/meetings/${meeting.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    const download = read((await getText(as.volunteerB!, `/api/meetings/${meeting.id}/calendar.ics`)).body);
    expect(download.root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(download.events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    const mail = await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'Cancelled: To be cancelled');
    const contentType = mail.attachments[0]!.headers.get('content-type') as { value: string; params: Record<string, string> };
    expect(contentType).toMatchObject({ value: 'text/calendar', params: { method: 'CANCEL' } });
    expect(read(mail.attachments[0]!.content.toString()).root.getFirstPropertyValue('method')).toBe('CANCEL');
    // Nobody registers for a cancelled meeting.
    expect((await as.leaderB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).body.code).toBe('MEETING_CANCELLED');
  });
});

describe('one series across the spring clock changes of Morocco, Europe and the US', () => {
  it('stays at 16:00 in Brussels while readers in Casablanca and New York see their own time move, and ical.js agrees', async () => {
    // Three changes in four weeks of 2027: Morocco leaves its Ramadan time (+00 → +01) and the
    // US moves to daylight time on 14 March; Brussels moves to summer time on 28 March.
    const reader = async (timeZone: string) => {
      const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgB.id });
      await t.prisma.user.update({ where: { id: user.id }, data: { timeZone } });
      const client = t.client();
      await client.signIn(user.email, TEST_PASSWORD);
      return client;
    };
    const inCasablanca = await reader('Africa/Casablanca');
    const inNewYork = await reader('America/New_York');
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], {
        title: 'Brussels Mondays',
        format: 'ONLINE',
        timeZone: 'Europe/Brussels',
        startLocal: '2027-03-01T16:00',
        endLocal: '2027-03-01T17:00',
        recurrence: 'FREQ=WEEKLY;COUNT=6',
      }),
    );
    const utcStarts = ['2027-03-01T15:00:00.000Z', '2027-03-08T15:00:00.000Z', '2027-03-15T15:00:00.000Z', '2027-03-22T15:00:00.000Z', '2027-03-29T14:00:00.000Z', '2027-04-05T14:00:00.000Z'];
    const seenBy = async (client: TestClient) => {
      const detail = meetingDetailSchema.parse((await client.get(`/api/meetings/${meeting.id}`)).body);
      return detail.upcomingOccurrences.map((o) => [o.startsAt, o.hostLocal.slice(11), o.viewerLocal.slice(11)]);
    };
    const host = ['16:00', '16:00', '16:00', '16:00', '16:00', '16:00'];
    const rows = (viewer: string[]) => utcStarts.map((start, i) => [start, host[i], viewer[i]]);
    expect(await seenBy(inCasablanca)).toEqual(rows(['15:00', '15:00', '16:00', '16:00', '15:00', '15:00']));
    expect(await seenBy(inNewYork)).toEqual(rows(['10:00', '10:00', '11:00', '11:00', '10:00', '10:00']));

    // The download, read by ical.js with its VTIMEZONE: 16:00 Brussels time each week, same instants.
    const { events, startsOf } = read((await getText(inNewYork, `/api/meetings/${meeting.id}/calendar.ics`)).body);
    expect(startsOf(events[0]!)).toEqual(utcStarts);
    const iterator = new ICAL.Event(events[0]!).iterator();
    const wallClock: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) wallClock.push(`${next.zone?.tzid} ${next.toString().slice(11, 16)}`);
    expect(wallClock).toEqual(Array(6).fill('Europe/Brussels 16:00'));
  });
});

describe('a private calendar subscription', () => {
  it('lists the person’s meetings for anyone holding the secret URL, until it is revoked or replaced', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'In my feed' }));
    const other = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Not answered' }));
    await as.leaderB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'MAYBE' });
    const created = await as.leaderB!.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/meetings\.ics$/);

    // A calendar app has no session: a fresh client without cookies.
    const feed = await getText(t.client(), url.pathname);
    expect(feed.status).toBe(200);
    const { events } = read(feed.body);
    const summaries = events.map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toContain('In my feed');
    expect(summaries).not.toContain('Not answered');
    expect(other.id).toBeTruthy();

    // Asking again replaces the address: the old one stops working.
    const replaced = await as.leaderB!.post('/api/me/calendar-feed');
    expect((await t.client().get(url.pathname)).status).toBe(404);
    const newPath = new URL(replaced.body.url).pathname;
    expect((await t.client().get(newPath)).status).toBe(200);
    expect((await as.leaderB!.delete('/api/me/calendar-feed')).status).toBe(204);
    const revoked = await t.client().get(newPath);
    expect(revoked.status).toBe(404);
    expect(revoked.body.code).toBe('CALENDAR_FEED_INVALID');
  });
});
