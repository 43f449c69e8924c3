import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

type Event = { id: string; at: string; action: string; actorName: string | null; subjectName: string | null; details: Record<string, unknown> };

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: { email: string; id: string };

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

async function walk(client: TestClient, query = ''): Promise<Event[]> {
  const items: Event[] = [];
  let cursor: string | null = null;
  do {
    const response = await client.get(`/api/audit?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

const cities = (events: Event[]) =>
  events
    .filter((e) => e.action === 'organisation.updated')
    .map((e) => (e.details.changes as { city: { to: string } }).city.to)
    .sort();

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  admin = await createUser(t.prisma, { role: 'PLATFORM_ADMIN', name: 'Platform Admin' });
  // One visible change per organisation, made through the API as a user would.
  await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}`, { city: 'Asilah' });
  await (await as(world.leaderB)).patch(`/api/organisations/${world.orgB.id}`, { city: 'Bamako' });
  await (await as(world.leaderC)).patch(`/api/organisations/${world.orgC.id}`, { city: 'Charleroi' });
  const volunteerA = await t.prisma.organisationMembership.findFirstOrThrow({ where: { userId: world.volunteerA.id } });
  await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}/members/${volunteerA.id}`, { role: 'ORG_LEADER' });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/audit', () => {
  it('shows a leader the events of their organisation, with names resolved', async () => {
    const events = await walk(await as(world.leaderA));
    expect(cities(events)).toEqual(['Asilah']);
    const roleChange = events.find((e) => e.action === 'membership.role_changed');
    expect(roleChange).toMatchObject({
      actorName: world.leaderA.name,
      subjectName: world.volunteerA.name,
      details: { oldRole: 'VOLUNTEER', newRole: 'ORG_LEADER' },
    });
    const update = events.find((e) => e.action === 'organisation.updated');
    expect(update).toMatchObject({ actorName: world.leaderA.name, subjectName: 'Org A' });
    // Sign-ins belong to no organisation: they stay out of a leader's view.
    expect(events.some((e) => e.action.startsWith('auth.'))).toBe(false);
  });

  it('shows a coordinator every organisation of their network, not another network', async () => {
    expect(cities(await walk(await as(world.coordinator)))).toEqual(['Asilah', 'Bamako']);
    expect(cities(await walk(await as(world.otherCoordinator)))).toEqual(['Charleroi']);
  });

  it('shows a platform admin everything, sign-ins included', async () => {
    const events = await walk(await as(admin));
    expect(cities(events)).toEqual(['Asilah', 'Bamako', 'Charleroi']);
    expect(events.some((e) => e.action === 'auth.sign_in')).toBe(true);
  });

  it('refuses volunteers', async () => {
    const response = await (await as(world.volunteerB)).get('/api/audit');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('filters within scope and hides what is outside it', async () => {
    const coordinator = await as(world.coordinator);
    expect(cities(await walk(coordinator, `&organisationId=${world.orgB.id}`))).toEqual(['Bamako']);
    expect(cities(await walk(coordinator, `&networkId=${world.network.id}`))).toEqual(['Asilah', 'Bamako']);
    expect((await coordinator.get(`/api/audit?organisationId=${world.orgC.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/audit?networkId=${world.otherNetwork.id}`)).status).toBe(404);

    const leaderA = await as(world.leaderA);
    expect((await leaderA.get(`/api/audit?organisationId=${world.orgC.id}`)).status).toBe(404);
    // Org B is in leader A's network (visible in the directory) but not theirs to audit.
    expect((await leaderA.get(`/api/audit?organisationId=${world.orgB.id}`)).status).toBe(403);
  });

  it('lists newest first and pages without duplicates or gaps', async () => {
    const leaderB = await as(world.leaderB);
    for (let i = 0; i < 12; i++) {
      await leaderB.patch(`/api/organisations/${world.orgB.id}`, { phone: `+223 ${i}` });
    }
    const whole = await walk(leaderB);
    const times = whole.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect((whole[0]!.details.changes as { phone: { to: string } }).phone.to).toBe('+223 11');

    const paged: Event[] = [];
    let cursor: string | null = null;
    do {
      const response = await leaderB.get(`/api/audit?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.body.items.length).toBeLessThanOrEqual(5);
      paged.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it('rejects a tampered cursor on the cursor field', async () => {
    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    const response = await (await as(world.leaderA)).get(`/api/audit?cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toHaveProperty('cursor');
  });
});
