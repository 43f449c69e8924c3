import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: TestClient;
let coordinator: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  const adminUser = await createUser(t.prisma, { role: 'PLATFORM_ADMIN' });
  admin = t.client();
  await admin.signIn(adminUser.email, TEST_PASSWORD);
  coordinator = t.client();
  await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
  leader = t.client();
  await leader.signIn(world.leaderA.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

describe('networks, for platform admins', () => {
  it('creates a network with its languages in fallback order and its time zone, and records who did it', async () => {
    const res = await admin.post('/api/admin/networks', {
      name: 'Réseau Sahel Solidarité',
      description: 'Mutuelles et coopératives du Sahel.',
      languages: ['fr', 'ar', 'en'],
      timeZone: 'Africa/Bamako',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: 'reseau-sahel-solidarite',
      name: 'Réseau Sahel Solidarité',
      languages: ['fr', 'ar', 'en'],
      timeZone: 'Africa/Bamako',
      organisationCount: 0,
    });
    const list = await admin.get('/api/admin/networks');
    expect(list.body.items.map((n: { name: string }) => n.name)).toContain('Réseau Sahel Solidarité');
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'network.created', networkId: res.body.id } });
    expect(audit.details).toMatchObject({ name: 'Réseau Sahel Solidarité', timeZone: 'Africa/Bamako' });
  });

  it('edits a network: a new language order and time zone show in the list, and the audit log says what changed', async () => {
    const res = await admin.patch(`/api/admin/networks/${world.otherNetwork.id}`, { languages: ['nl', 'fr'], timeZone: 'Europe/Brussels' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ languages: ['nl', 'fr'], timeZone: 'Europe/Brussels' });
    const stored = await t.prisma.network.findUniqueOrThrow({ where: { id: world.otherNetwork.id } });
    expect(stored.fallbackLanguages).toEqual(['nl', 'fr']);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'network.updated', networkId: world.otherNetwork.id } });
    expect(audit.details).toMatchObject({ changes: { timeZone: { to: 'Europe/Brussels' } } });
  });

  it('refuses bad input with stable codes and names the field', async () => {
    const cases = [
      { body: { name: 'X', languages: ['fr'], timeZone: 'UTC' }, field: 'name' },
      { body: { name: 'Valid name', languages: [], timeZone: 'UTC' }, field: 'languages' },
      { body: { name: 'Valid name', languages: ['fr', 'fr'], timeZone: 'UTC' }, field: 'languages' },
      { body: { name: 'Valid name', languages: ['klingon'], timeZone: 'UTC' }, field: 'languages.0' },
      { body: { name: 'Valid name', languages: ['fr'], timeZone: 'Mars/Olympus' }, field: 'timeZone' },
      { body: { name: 'Valid name', languages: ['fr'], timeZone: 'UTC', slug: 'x' }, field: '' },
    ];
    for (const { body, field } of cases) {
      const res = await admin.post('/api/admin/networks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      if (field) expect(Object.keys(res.body.details.fields), JSON.stringify(body)).toContain(field);
    }
    const taken = await admin.post('/api/admin/networks', { name: 'tangier NETWORK', languages: ['fr'], timeZone: 'UTC' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CONFLICT');
    expect(await t.prisma.network.count({ where: { name: 'Valid name' } })).toBe(0);
  });

  it('lets coordinators edit only their own network, and never create one', async () => {
    const own = await coordinator.patch(`/api/admin/networks/${world.network.id}`, { timeZone: 'Africa/Casablanca' });
    expect(own.status).toBe(200);
    const list = await coordinator.get('/api/admin/networks');
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([world.network.id]);
    const foreign = await coordinator.patch(`/api/admin/networks/${world.otherNetwork.id}`, { name: 'Taken over' });
    expect(foreign.status).toBe(404);
    const create = await coordinator.post('/api/admin/networks', { name: 'Rogue network', languages: ['en'], timeZone: 'UTC' });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('FORBIDDEN');
    expect(await t.prisma.network.count({ where: { name: { in: ['Taken over', 'Rogue network'] } } })).toBe(0);
  });

  it('refuses leaders and volunteers', async () => {
    expect((await leader.get('/api/admin/networks')).status).toBe(403);
    expect((await leader.patch(`/api/admin/networks/${world.network.id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await leader.post('/api/admin/networks', { name: 'Leader network', languages: ['en'], timeZone: 'UTC' })).status).toBe(403);
  });
});

describe('accounts, for platform admins', () => {
  it('finds accounts by part of a name or e-mail, with their roles and whether they are disabled', async () => {
    const res = await admin.get(`/api/admin/accounts?q=${encodeURIComponent(world.leaderA.email.slice(0, 8).toUpperCase())}`);
    expect(res.status).toBe(200);
    const found = res.body.items.find((a: { id: string }) => a.id === world.leaderA.id);
    expect(found).toMatchObject({ email: world.leaderA.email, disabled: false, memberships: [{ organisationName: 'Org A', role: 'ORG_LEADER' }] });

    await admin.post(`/api/accounts/${world.volunteerB.id}/disable`);
    const disabled = await admin.get('/api/admin/accounts?disabled=true');
    expect(disabled.body.items.map((a: { id: string }) => a.id)).toEqual([world.volunteerB.id]);
    await admin.post(`/api/accounts/${world.volunteerB.id}/enable`);
    expect((await admin.get('/api/admin/accounts?disabled=true')).body.items).toEqual([]);
  });

  it('refuses everyone else, and bad filters get a stable code', async () => {
    expect((await coordinator.get('/api/admin/accounts')).status).toBe(403);
    expect((await leader.get('/api/admin/accounts')).status).toBe(403);
    const bad = await admin.get('/api/admin/accounts?disabled=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const long = await admin.get(`/api/admin/accounts?q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
  });
});
