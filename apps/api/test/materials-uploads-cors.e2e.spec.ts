import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { LiveClient } from './materials.support.js';

/**
 * CORS stays closed: the project has no CORS setting, so no other origin may read any answer,
 * the tus upload endpoint included (the tus server's default would answer every origin `*`).
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
const FOREIGN = 'https://evil.example';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-cors-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const corsHeaders = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h.startsWith('access-control-allow'));

describe('uploads and a foreign origin', () => {
  it('answers no Access-Control-Allow-Origin on creating, inspecting or preflighting an upload', async () => {
    const live = await LiveClient.signedIn(t, world.coordinator.email);
    const created = await live.send('POST', '/api/materials', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({
      networkId: world.network.id, kind: 'DOCUMENT', standardTopic: 'FIRST_AID', audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'en', title: 'Toolkit' },
    })));
    expect(created.status, created.body.toString()).toBe(201);
    const translationId = JSON.parse(created.body.toString()).translations[0].id as string;

    const upload = await live.createUpload(translationId, 'toolkit.pdf', 1000);
    expect(upload.status).toBe(201);
    // The upload works for the SPA's own origin (no Origin header from same-origin reads)…
    const own = await live.send('HEAD', upload.location!);
    expect(own.status).toBe(200);
    expect(own.headers['upload-offset']).toBe('0');
    // …and gives another origin nothing to read it with.
    const head = await live.send('HEAD', upload.location!, { origin: FOREIGN });
    expect(head.status).toBe(200);
    expect(corsHeaders(head.headers)).toEqual([]);
    const post = await live.send('POST', '/api/uploads', { origin: FOREIGN, 'upload-length': '10', 'upload-metadata': '' });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await live.send('OPTIONS', '/api/uploads', { origin: FOREIGN, 'access-control-request-method': 'POST' });
    expect(corsHeaders(preflight.headers)).toEqual([]);
    const api = await live.send('GET', '/api/auth/csrf', { origin: FOREIGN });
    expect(corsHeaders(api.headers)).toEqual([]);
  });
});
