import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobHandlerRegistry } from '../src/common/jobs/job-handler.registry.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { LiveClient, makePdf } from './materials.support.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** A material with two uploaded versions, as `user` makes it; answers its ids and stored paths. */
async function publish(user: { email: string }, fields: Record<string, unknown>) {
  const created = await (await as(user)).post('/api/materials', {
    networkId: world.network.id, kind: 'DOCUMENT', standardTopic: 'HYGIENE', audience: 'EVERYONE', visibility: 'NETWORK',
    translation: { language: 'en', title: 'Wombat washing guide' }, ...fields,
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(t, user.email);
  const translationId = created.body.translations[0].id as string;
  const first = await live.upload(translationId, 'doc.pdf', makePdf(['wombat first']));
  const second = await live.upload(translationId, 'doc.pdf', makePdf(['wombat second']));
  await t.jobs.drain(20_000);
  const files = await t.prisma.materialFile.findMany({ where: { translationId }, select: { storageKey: true } });
  return {
    id: created.body.id as string,
    fileIds: [first.fileId!, second.fileId!],
    paths: files.map((file) => join(dataDir, 'materials', file.storageKey)),
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-delete-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('deleting a material', () => {
  it('is for its editors only: 404 where it is not visible, 403 where it is only readable', async () => {
    const ownOnly = await publish(world.leaderA, { organisationId: world.orgA.id, visibility: 'ORGANISATION' });
    const networkWide = await publish(world.leaderA, { organisationId: world.orgA.id });
    expect((await (await as(world.leaderB)).delete(`/api/materials/${ownOnly.id}`)).status).toBe(404);
    expect((await (await as(world.leaderB)).delete(`/api/materials/${networkWide.id}`)).status).toBe(403);
    expect((await (await as(world.leaderC)).delete(`/api/materials/${networkWide.id}`)).status).toBe(404);
    expect((await (await as(world.otherCoordinator)).delete(`/api/materials/${networkWide.id}`)).status).toBe(404);
    expect((await (await as(world.volunteerA)).delete(`/api/materials/${networkWide.id}`)).status).toBe(403);
    // Nothing was removed by the refusals.
    expect((await (await as(world.volunteerA)).get(`/api/materials/${networkWide.id}`)).status).toBe(200);
    expect(networkWide.paths.every((path) => existsSync(path))).toBe(true);
    // The network's coordinator may delete any of the network's material.
    expect((await (await as(world.coordinator)).delete(`/api/materials/${ownOnly.id}`)).status).toBe(204);
  });

  it('removes it at once from every read, records it, and a job removes its files (twice is harmless)', async () => {
    const material = await publish(world.leaderA, { organisationId: world.orgA.id });
    expect(material.paths).toHaveLength(2);
    expect(material.paths.every((path) => existsSync(path))).toBe(true);
    const leader = await as(world.leaderA);
    expect((await leader.delete(`/api/materials/${material.id}`)).status).toBe(204);

    const volunteer = await as(world.volunteerA);
    expect((await volunteer.get(`/api/materials/${material.id}`)).status).toBe(404);
    expect(ids((await volunteer.get('/api/materials')).body)).not.toContain(material.id);
    expect(ids((await volunteer.get('/api/materials?q=wombat')).body)).not.toContain(material.id);
    for (const fileId of material.fileIds) {
      expect((await leader.get(`/api/material-files/${fileId}/content`)).status).toBe(404);
    }
    expect((await leader.delete(`/api/materials/${material.id}`)).status).toBe(404);

    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'material.deleted', actorId: world.leaderA.id } });
    expect(audit?.details).toMatchObject({ materialId: material.id, title: 'Wombat washing guide', files: 2 });

    await t.jobs.drain(20_000);
    expect(material.paths.some((path) => existsSync(path))).toBe(false);
    // A retry after the files are gone succeeds.
    const storageKeys = material.paths.map((path) => path.slice(join(dataDir, 'materials').length + 1));
    await t.app.get(JobHandlerRegistry).dispatch('materials.remove-files', { materialId: material.id, storageKeys });
  });
});
