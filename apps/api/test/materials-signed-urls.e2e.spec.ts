import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { LiveClient, makePdf } from './materials.support.js';

/** Private files on S3: a signed URL only after the access check, and only for a short while. */
let t: TestApp;
let s3: S3TestServer;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
const TTL_SECONDS = 2;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-signed-'));
  s3 = await startS3TestServer();
  t = await startTestApp({ DATA_DIR: dataDir, SIGNED_URL_TTL_SECONDS: String(TTL_SECONDS), ...s3.env });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** An organisation-only PDF of Org A, processed and ready. */
async function privateFile() {
  const leader = await as(world.leaderA);
  const created = await leader.post('/api/materials', {
    networkId: world.network.id,
    organisationId: world.orgA.id,
    kind: 'DOCUMENT',
    standardTopic: 'FIRST_AID',
    audience: 'EVERYONE',
    visibility: 'ORGANISATION',
    translation: { language: 'en', title: 'Internal first-aid roster' },
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(t, world.leaderA.email);
  const pdf = makePdf(['Roster of first-aiders, with phone numbers']);
  const uploaded = await live.upload(created.body.translations[0].id, 'roster.pdf', pdf);
  expect(uploaded.status).toBe(204);
  await t.jobs.drain(20_000);
  return { fileId: uploaded.fileId!, materialId: created.body.id as string, pdf };
}

describe('signed download URLs on S3', () => {
  it('hands a member of the organisation a URL that works, then expires', async () => {
    const { fileId, materialId, pdf } = await privateFile();
    const volunteer = await as(world.volunteerA);
    const answer = await volunteer.get(`/api/material-files/${fileId}/content`);
    expect(answer.status).toBe(302);
    const url = answer.headers.location as string;
    expect(url).toContain(`/materials/${materialId}/${fileId}?`);
    expect(url).toContain(`X-Amz-Expires=${TTL_SECONDS}`);

    const fresh = await fetch(url);
    expect(fresh.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await fresh.arrayBuffer()), pdf)).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1.5) * 1000));
    const stale = await fetch(url);
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('Request has expired');

    // Asking the API again (with the access check) gives a new, working URL.
    const again = await volunteer.get(`/api/material-files/${fileId}/content`);
    expect((await fetch(again.headers.location as string)).status).toBe(200);

    // The app's Content-Security-Policy lets pictures and players load from the bucket.
    const csp = String((await volunteer.get('/api/auth/csrf')).headers['content-security-policy']);
    // blob: plays the media a learner saved for offline (issue 14).
    expect(csp).toContain(`media-src 'self' blob: ${s3.endpoint}`);
    expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replace(/[.]/g, '\\.')}`));
  });

  it('gives another organisation’s member, or another network’s coordinator, a 404 and no URL', async () => {
    const { fileId, materialId } = await privateFile();
    for (const stranger of [world.volunteerB, world.leaderB, world.otherCoordinator]) {
      const answer = await (await as(stranger)).get(`/api/material-files/${fileId}/content`);
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
      expect(answer.headers.location).toBeUndefined();
    }
    // Readers of Org A get one, signed with the deployment's key (whether a signature holds is
    // the object store's part: the bucket must be private).
    const signed = (await (await as(world.volunteerA)).get(`/api/material-files/${fileId}/content`)).headers.location as string;
    expect(signed).toContain(`/materials/${materialId}/${fileId}?`);
    expect(signed).toMatch(/X-Amz-Credential=S3RVER%2F.*X-Amz-Signature=[0-9a-f]{64}/);
  });
});
