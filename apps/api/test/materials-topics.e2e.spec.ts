import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

const link = (networkId: string, customTopicId: string) => ({
  networkId, kind: 'LINK', customTopicId, audience: 'EVERYONE', visibility: 'NETWORK',
  translation: { language: 'en', title: 'Cooperative law', externalUrl: 'https://example.org/coop' },
});

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

describe('custom topics of a network', () => {
  it('coordinators rename and archive them; archived topics stay on materials but are not offered', async () => {
    const coordinator = await as(world.coordinator);
    const base = `/api/networks/${world.network.id}/material-topics`;
    const topic = (await coordinator.post(base, { name: 'Cooperatives' })).body;
    expect(topic.archivedAt).toBeNull();
    await coordinator.post(base, { name: 'Microcredit' });
    const material = await coordinator.post('/api/materials', link(world.network.id, topic.id));
    expect(material.status).toBe(201);

    const renamed = await coordinator.patch(`${base}/${topic.id}`, { name: 'Cooperatives and mutuals' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Cooperatives and mutuals');
    expect((await coordinator.patch(`${base}/${topic.id}`, { name: 'Microcredit' })).status).toBe(409);
    expect((await coordinator.patch(`${base}/${topic.id}`, {})).status).toBe(400);

    const archived = await coordinator.patch(`${base}/${topic.id}`, { archived: true });
    expect(archived.body.archivedAt).not.toBeNull();
    // Not offered any more…
    const offered = await coordinator.get(`/api/material-topics?networkId=${world.network.id}`);
    expect(offered.body.items.map((item: { name: string }) => item.name)).toEqual(['Microcredit']);
    const all = await coordinator.get(`/api/material-topics?networkId=${world.network.id}&includeArchived=1`);
    expect(all.body.items).toHaveLength(2);
    const refused = await coordinator.post('/api/materials', link(world.network.id, topic.id));
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields.customTopicId[0].code).toBe('archived_topic');
    // …but kept, renamed, on the material that has it, which can still be edited.
    const kept = await coordinator.get(`/api/materials/${material.body.id}`);
    expect(kept.body.customTopic).toEqual({ id: topic.id, name: 'Cooperatives and mutuals' });
    expect((await coordinator.patch(`/api/materials/${material.body.id}`, { customTopicId: topic.id, licence: 'CC BY' })).status).toBe(200);

    const restored = await coordinator.patch(`${base}/${topic.id}`, { archived: false });
    expect(restored.body.archivedAt).toBeNull();
    expect((await coordinator.post('/api/materials', link(world.network.id, topic.id))).status).toBe(201);
  });

  it('is for the network’s coordinators only', async () => {
    const coordinator = await as(world.coordinator);
    const topic = (await coordinator.post(`/api/networks/${world.network.id}/material-topics`, { name: 'Housing' })).body;
    expect((await (await as(world.leaderA)).patch(`/api/networks/${world.network.id}/material-topics/${topic.id}`, { archived: true })).status).toBe(403);
    const other = await as(world.otherCoordinator);
    expect((await other.patch(`/api/networks/${world.network.id}/material-topics/${topic.id}`, { archived: true })).status).toBe(404);
    // A topic addressed through another network does not exist there.
    expect((await other.patch(`/api/networks/${world.otherNetwork.id}/material-topics/${topic.id}`, { archived: true })).status).toBe(404);
  });
});
