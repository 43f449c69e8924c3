import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/organisations/:id (contact page)', () => {
  it('shows any organisation of the network, with its member count and leaders', async () => {
    const volunteerA = await as(world.volunteerA);
    const response = await volunteerA.get(`/api/organisations/${world.orgB.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: world.orgB.id,
      name: 'Org B',
      networkName: 'Tangier network',
      country: 'ML',
      type: 'MUTUAL',
      memberCount: 2,
      leaders: [{ name: world.leaderB.name }],
    });
  });

  it('neither counts nor lists people whose account is disabled', async () => {
    const org = await t.prisma.organisation.create({
      data: { networkId: world.network.id, name: 'Org with a disabled leader', type: 'NGO', country: 'MA' },
    });
    const active = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id, name: 'Active Leader' });
    await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id, disabled: true });
    const response = await (await as(active)).get(`/api/organisations/${org.id}`);
    expect(response.body).toMatchObject({ memberCount: 1, leaders: [{ name: 'Active Leader' }] });
  });

  it('answers 404 for another network’s organisation and for unknown ids, 400 for malformed ones', async () => {
    const leaderA = await as(world.leaderA);
    expect((await leaderA.get(`/api/organisations/${world.orgC.id}`)).status).toBe(404);
    expect((await leaderA.get('/api/organisations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await leaderA.get('/api/organisations/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields).toHaveProperty('id');
  });

  it('asks visitors to sign in', async () => {
    expect((await t.client().get(`/api/organisations/${world.orgA.id}`)).status).toBe(401);
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('lets a leader edit their organisation and records what changed', async () => {
    const leaderA = await as(world.leaderA);
    const response = await leaderA.patch(`/api/organisations/${world.orgA.id}`, {
      city: 'Tétouan',
      website: 'https://org-a.example.org',
      languages: ['ar', 'fr'],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ city: 'Tétouan', website: 'https://org-a.example.org', languages: ['ar', 'fr'] });
    expect((await leaderA.get(`/api/organisations/${world.orgA.id}`)).body.city).toBe('Tétouan');

    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'organisation.updated', organisationId: world.orgA.id },
    });
    expect(event.actorId).toBe(world.leaderA.id);
    expect(event.details).toMatchObject({ changes: { city: { from: 'Tangier', to: 'Tétouan' } } });
  });

  it('lets the network’s coordinator edit any of its organisations', async () => {
    const coordinator = await as(world.coordinator);
    const response = await coordinator.patch(`/api/organisations/${world.orgB.id}`, { phone: '+223 20 00 00 00' });
    expect(response.status).toBe(200);
    expect(response.body.phone).toBe('+223 20 00 00 00');
  });

  it('refuses leaders of other organisations and volunteers (403), other networks (404), and changes nothing', async () => {
    const before = await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.orgB.id } });
    expect((await (await as(world.leaderA)).patch(`/api/organisations/${world.orgB.id}`, { city: 'X' })).status).toBe(403);
    expect((await (await as(world.volunteerB)).patch(`/api/organisations/${world.orgB.id}`, { city: 'X' })).status).toBe(403);
    expect((await (await as(world.otherCoordinator)).patch(`/api/organisations/${world.orgB.id}`, { city: 'X' })).status).toBe(404);
    expect((await (await as(world.leaderC)).patch(`/api/organisations/${world.orgB.id}`, { city: 'X' })).status).toBe(404);
    const after = await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.orgB.id } });
    expect(after).toEqual(before);
  });

  it('names each invalid field', async () => {
    const response = await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}`, {
      name: 'x',
      website: 'ftp://files.example.org',
      contactEmail: 'not-an-email',
      country: 'Morocco',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['contactEmail', 'country', 'name', 'website']);
  });

  it('rejects unknown fields instead of silently ignoring them', async () => {
    const response = await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}`, {
      networkId: world.otherNetwork.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.networkId[0].code).toBe('unknown_field');
  });

  it('refuses a name another organisation of the network already has, whatever its case', async () => {
    const response = await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}`, { name: 'ORG b' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect((await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.orgA.id } })).name).toBe('Org A');
  });

  it('records nothing when nothing changes', async () => {
    const count = () => t.prisma.auditEvent.count({ where: { organisationId: world.orgA.id } });
    const before = await count();
    const response = await (await as(world.leaderA)).patch(`/api/organisations/${world.orgA.id}`, { name: 'Org A' });
    expect(response.status).toBe(200);
    expect(await count()).toBe(before);
  });
});

describe('POST /api/organisations', () => {
  const body = (networkId: string, name: string) => ({
    networkId,
    name,
    type: 'COOPERATIVE',
    country: 'ma',
    city: 'Chefchaouen',
    languages: ['ar', 'es'],
  });

  it('lets a coordinator add an organisation to their network', async () => {
    const coordinator = await as(world.coordinator);
    const response = await coordinator.post('/api/organisations', body(world.network.id, 'Coopérative Rif'));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Coopérative Rif',
      country: 'MA',
      networkId: world.network.id,
      memberCount: 0,
      leaders: [],
    });
    const listed = await coordinator.get(`/api/directory?q=cooperative`);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toContain(response.body.id);
    const event = await t.prisma.auditEvent.findFirst({
      where: { action: 'organisation.created', organisationId: response.body.id },
    });
    expect(event?.actorId).toBe(world.coordinator.id);
  });

  it('refuses a duplicate name in the same network with 409', async () => {
    const response = await (await as(world.coordinator)).post('/api/organisations', body(world.network.id, 'org a'));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it('allows the same name in another network', async () => {
    const response = await (await as(world.otherCoordinator)).post('/api/organisations', body(world.otherNetwork.id, 'Org A'));
    expect(response.status).toBe(201);
  });

  it('is for coordinators of that network only', async () => {
    const before = await t.prisma.organisation.count();
    expect((await (await as(world.leaderA)).post('/api/organisations', body(world.network.id, 'Leader made'))).status).toBe(403);
    expect((await (await as(world.coordinator)).post('/api/organisations', body(world.otherNetwork.id, 'Elsewhere'))).status).toBe(404);
    expect(await t.prisma.organisation.count()).toBe(before);
  });

  it('names missing required fields', async () => {
    const response = await (await as(world.coordinator)).post('/api/organisations', { networkId: world.network.id });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['country', 'name', 'type']);
  });
});
