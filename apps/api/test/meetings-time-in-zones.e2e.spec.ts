import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

// Issue 20: before inviting, the host sees the chosen time in each invited organisation's zone.
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  await t.prisma.network.update({ where: { id: world.network.id }, data: { timeZone: 'Africa/Casablanca' } });
  for (const who of ['leaderA', 'volunteerA', 'leaderB'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

describe('organisation time zones', () => {
  it('gives an organisation without its own zone the network’s, and its own once its leader sets one', async () => {
    const before = await as.leaderA!.get(`/api/directory?networkId=${world.network.id}`);
    expect(before.body.items.map((o: { name: string; timeZone: string }) => [o.name, o.timeZone])).toEqual([
      ['Org A', 'Africa/Casablanca'],
      ['Org B', 'Africa/Casablanca'],
    ]);
    const saved = await as.leaderB!.patch(`/api/organisations/${world.orgB.id}`, { timeZone: 'Africa/Bamako' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.timeZone).toBe('Africa/Bamako');
    const after = await as.leaderA!.get(`/api/directory?networkId=${world.network.id}`);
    expect(after.body.items.find((o: { name: string }) => o.name === 'Org B').timeZone).toBe('Africa/Bamako');
    const networks = await as.leaderA!.get('/api/networks');
    expect(networks.body.items[0]).toMatchObject({ name: 'Tangier network', timeZone: 'Africa/Casablanca' });
  });

  it('refuses a zone that does not exist, naming the field', async () => {
    const response = await as.leaderB!.patch(`/api/organisations/${world.orgB.id}`, { timeZone: 'Africa/Atlantis' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields)).toEqual(['timeZone']);
  });
});

describe('the time for each invited organisation', () => {
  it('converts the typed time into each zone, with that day’s offsets', async () => {
    const response = await as.leaderA!.post('/api/meetings/time-in-zones', {
      startLocal: '2027-06-10T10:00',
      endLocal: '2027-06-10T12:00',
      timeZone: 'Africa/Casablanca',
      zones: ['Africa/Bamako', 'America/New_York', 'Africa/Bamako', 'Asia/Kolkata'],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Casablanca is +01 in June 2027 outside Ramadan; Bamako +00, New York −04, Kolkata +05:30.
    expect(response.body.items).toEqual([
      { timeZone: 'Africa/Bamako', startLocal: '2027-06-10T09:00', endLocal: '2027-06-10T11:00' },
      { timeZone: 'America/New_York', startLocal: '2027-06-10T05:00', endLocal: '2027-06-10T07:00' },
      { timeZone: 'Asia/Kolkata', startLocal: '2027-06-10T14:30', endLocal: '2027-06-10T16:30' },
    ]);
  });

  it('refuses a start inside a clock change gap as the meeting form would', async () => {
    const response = await as.leaderA!.post('/api/meetings/time-in-zones', {
      startLocal: '2027-03-28T02:30',
      endLocal: '2027-03-28T04:00',
      timeZone: 'Europe/Brussels',
      zones: ['Africa/Bamako'],
    });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.startLocal[0].message).toBe('nonexistentLocalTime');
  });

  it('is for people who schedule meetings only', async () => {
    const response = await as.volunteerA!.post('/api/meetings/time-in-zones', {
      startLocal: '2027-06-10T10:00',
      endLocal: '2027-06-10T12:00',
      timeZone: 'Africa/Casablanca',
      zones: ['Africa/Bamako'],
    });
    expect(response.status).toBe(403);
  });
});
