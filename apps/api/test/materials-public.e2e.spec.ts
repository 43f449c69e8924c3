import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { LiveClient, makePdf } from './materials.support.js';

/** Visitors who are not signed in: public material only, by every route. */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function publish(user: { email: string }, fields: Record<string, unknown>, pdfText: string) {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  const created = await client.post('/api/materials', {
    kind: 'DOCUMENT', standardTopic: 'HYGIENE', audience: 'EVERYONE', networkId: world.network.id, ...fields,
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(t, user.email);
  const uploaded = await live.upload(created.body.translations[0].id, 'doc.pdf', makePdf([pdfText]));
  expect(uploaded.status).toBe(204);
  await t.jobs.drain(20_000);
  return { id: created.body.id as string, translationId: created.body.translations[0].id as string, fileId: uploaded.fileId!, live };
}

let open: Awaited<ReturnType<typeof publish>>;
let networkOnly: Awaited<ReturnType<typeof publish>>;
let organisationOnly: Awaited<ReturnType<typeof publish>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-public-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
  open = await publish(world.leaderA, { organisationId: world.orgA.id, visibility: 'PUBLIC', translation: { language: 'fr', title: 'Hygiène pangolin ouverte' } }, 'pangolin soap');
  networkOnly = await publish(world.leaderA, { organisationId: world.orgA.id, visibility: 'NETWORK', translation: { language: 'en', title: 'Pangolin network notes' } }, 'pangolin');
  organisationOnly = await publish(world.leaderB, { organisationId: world.orgB.id, visibility: 'ORGANISATION', translation: { language: 'en', title: 'Pangolin pangolin pangolin' } }, 'pangolin');
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the library for visitors', () => {
  it('lists and searches public material only', async () => {
    const visitor = t.client();
    const list = await visitor.get('/api/public/materials');
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual([open.id]);
    expect(ids((await visitor.get('/api/public/materials?q=pangolin')).body)).toEqual([open.id]);
    expect(ids((await visitor.get('/api/public/materials?q=network')).body)).toEqual([]);
    // The signed-in routes stay closed to visitors.
    expect((await visitor.get('/api/materials')).status).toBe(401);
  });

  it('opens a public material without uploader names, and answers 404 for the others', async () => {
    const visitor = t.client();
    const detail = await visitor.get(`/api/public/materials/${open.id}?lang=fr`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: open.id, title: 'Hygiène pangolin ouverte', canEdit: false });
    expect(detail.body.translations[0].currentFile).toMatchObject({ id: open.fileId, status: 'READY', uploadedByName: null });
    expect((await visitor.get(`/api/public/materials/${networkOnly.id}`)).status).toBe(404);
    expect((await visitor.get(`/api/public/materials/${organisationOnly.id}`)).status).toBe(404);
    expect((await visitor.get('/api/public/materials/not-a-uuid')).status).toBe(400);
  });

  it('downloads the current file of public material only', async () => {
    const visitor = t.client();
    const file = await visitor.get(`/api/public/material-files/${open.fileId}/content`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await visitor.get(`/api/public/material-files/${networkOnly.fileId}/content`)).status).toBe(404);
    expect((await visitor.get(`/api/public/material-files/${organisationOnly.fileId}/content`)).status).toBe(404);
    // A newer version replaces the old one for visitors; while it is processed the old one is not offered either.
    const second = await open.live.upload(open.translationId, 'doc.pdf', makePdf(['pangolin soap, second edition']));
    expect(second.status).toBe(204);
    expect((await visitor.get(`/api/public/material-files/${second.fileId}/content`)).status).toBe(404);
    await t.jobs.drain(20_000);
    expect((await visitor.get(`/api/public/material-files/${second.fileId}/content`)).status).toBe(200);
    expect((await visitor.get(`/api/public/material-files/${open.fileId}/content`)).status).toBe(404);
  });

  it('stops showing material the moment it is no longer public', async () => {
    const leader = t.client();
    await leader.signIn(world.leaderA.email, TEST_PASSWORD);
    expect((await leader.patch(`/api/materials/${open.id}`, { visibility: 'NETWORK' })).status).toBe(200);
    const visitor = t.client();
    expect(ids((await visitor.get('/api/public/materials?q=pangolin')).body)).toEqual([]);
    expect((await visitor.get(`/api/public/materials/${open.id}`)).status).toBe(404);
  });
});
