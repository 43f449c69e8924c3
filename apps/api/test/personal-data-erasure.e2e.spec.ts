import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { ERASED_HOLDER_TEXT, certificateVerificationSchema } from '@tadamon/shared';
import { offlineDocumentLoader } from '@tadamon/credentials';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser } from './support/factories.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { StorageDriver } from '../src/modules/materials/storage/storage-driver.js';
import { exportStorageKey } from '../src/modules/personal-data/personal-data.repository.js';

const PUBLIC = 'http://tadamon.test';
let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let person: Awaited<ReturnType<typeof createUser>>;
let personClient: TestClient;
let leaderA: TestClient;
let certificate: { id: string; code: string };
let credential: object;
let threadId: string;
const POST = 'I will bring the banners on Friday';

/** Rows of any table whose text contains `needle`, by table. */
async function tablesContaining(needle: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    const found: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE '%' || $1 || '%'`, [needle]);
      if (rows.rows[0]!.n > 0) found[name] = rows.rows[0]!.n;
    }
    return found;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
  person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgA.id, name: 'Zineb Oufkir', email: 'zineb.oufkir@example.test' });
  await t.prisma.user.update({ where: { id: person.id }, data: { phone: '+212612345678', username: 'zineb' } });
  personClient = await signedIn(t, person);
  leaderA = await signedIn(t, w.leaderA);
  const coordinator = await signedIn(t, w.coordinator);

  const type = await coordinator.post(`/api/networks/${w.network.id}/certificate-types`, {
    names: { en: 'First aid' },
    descriptions: { en: 'Gives first aid.' },
    validityMonths: 24,
  });
  const issued = await leaderA.post('/api/certificates', { certificateTypeId: type.body.id, holderUserId: person.id, organisationId: w.orgA.id });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  certificate = issued.body;
  credential = (await personClient.get(`/api/me/certificates/${certificate.id}/credential`)).body;

  const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Friday march', body: 'Who brings what?' });
  threadId = thread.body.id;
  expect((await personClient.post(`/api/threads/${threadId}/posts`, { body: POST })).status).toBe(201);
  const meeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [w.orgB.id]));
  expect((await personClient.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).status).toBe(200);
  await t.jobs.drain(60_000);
}, 120_000);

afterAll(async () => t?.close());

describe('erasing one’s account', () => {
  let requestId: string;

  it('a person asks; their organisation’s leader is told and sees the request', async () => {
    const asked = await personClient.post('/api/me/erasure-request');
    expect(asked.status).toBe(201);
    expect(asked.body.request).toMatchObject({ status: 'PENDING' });
    requestId = asked.body.request.id;
    expect((await personClient.get('/api/me/erasure-request')).body.request.id).toBe(requestId);
    // Asking again does not make a second request.
    expect((await personClient.post('/api/me/erasure-request')).body.request.id).toBe(requestId);

    const notified = await leaderA.get('/api/me/notifications');
    expect(notified.body.items).toContainEqual(expect.objectContaining({ kind: 'erasureRequested', data: { actor: 'Zineb Oufkir' } }));
    const listed = await leaderA.get(`/api/organisations/${w.orgA.id}/erasure-requests`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: requestId, userId: person.id, name: 'Zineb Oufkir' })]);
  });

  it('a leader of another organisation cannot see or confirm it, nor can the person themselves', async () => {
    const leaderB = await signedIn(t, w.leaderB);
    const leaderC = await signedIn(t, w.leaderC);
    const b = await leaderB.post(`/api/erasure-requests/${requestId}/confirm`); expect(b.status, JSON.stringify(b.body)).toBe(404);
    expect((await leaderC.post(`/api/erasure-requests/${requestId}/confirm`)).status).toBe(404);
    expect((await (await signedIn(t, w.otherCoordinator)).post(`/api/erasure-requests/${requestId}/confirm`)).status).toBe(404);
    expect((await leaderB.get(`/api/organisations/${w.orgA.id}/erasure-requests`)).status).toBe(403);
    expect((await leaderC.get(`/api/organisations/${w.orgA.id}/erasure-requests`)).status).toBe(404);
    expect((await personClient.post(`/api/erasure-requests/${requestId}/confirm`)).status).toBe(403);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: 'Zineb Oufkir', erasedAt: null });
  });

  it('once the leader confirms, the personal data is gone from the database and the person cannot sign in', async () => {
    // A mistyped password leaves the address in the audit log, and back-off counters under the account's id.
    expect((await t.client().post('/api/auth/sign-in', { email: 'zineb.oufkir@example.test', password: 'not the password' })).status).toBe(401);
    expect(Object.keys(await tablesContaining('zineb.oufkir@example.test')).sort()).toEqual(['AuditEvent', 'User']);
    expect(await t.prisma.signInThrottle.count({ where: { key: { contains: person.id } } })).toBeGreaterThan(0);
    expect((await leaderA.post(`/api/erasure-requests/${requestId}/confirm`)).status).toBe(204);

    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user).toMatchObject({ name: 'Erased person', phone: null, username: null, passwordHash: null });
    expect(user.email).toMatch(/^erased-[0-9a-f-]{36}@erased\.invalid$/);
    expect(user.erasedAt).not.toBeNull();
    expect(await t.prisma.signInThrottle.count({ where: { key: { contains: person.id } } })).toBe(0);
    expect(await t.prisma.organisationMembership.count({ where: { userId: person.id } })).toBe(0);
    expect(await t.prisma.session.count({ where: { userId: person.id } })).toBe(0);

    // Name, e-mail, phone and username are nowhere any more, except in the certificate as issued.
    expect(await tablesContaining('zineb.oufkir@example.test')).toEqual({});
    expect(await tablesContaining('+212612345678')).toEqual({});
    expect(await tablesContaining('Zineb Oufkir')).toEqual({ Certificate: 1 });

    expect((await personClient.get('/api/me/profile')).status).toBe(401);
    const again = t.client();
    expect((await again.post('/api/auth/sign-in', { email: 'zineb.oufkir@example.test', password: TEST_PASSWORD })).status).toBe(401);
    expect((await leaderA.get(`/api/organisations/${w.orgA.id}/erasure-requests`)).body.items).toEqual([]);
  });

  it('posts stay in the discussion, signed by the erased person', async () => {
    const thread = await leaderA.get(`/api/threads/${threadId}`);
    const post = thread.body.posts.find((p: { bodyHtml: string }) => p.bodyHtml.includes('banners'));
    expect(post.authorName).toBe('Erased person');
  });

  it('the certificate stays verifiable: the verify page shows the holder as erased, the signed credential is unchanged', async () => {
    const verified = await t.client().get(`/api/verify/${certificate.code}`);
    expect(verified.status).toBe(200);
    expect(certificateVerificationSchema.strict().parse(verified.body)).toMatchObject({
      status: 'valid',
      holderName: ERASED_HOLDER_TEXT,
      holderErased: true,
    });
    expect(JSON.stringify(verified.body)).not.toContain('Zineb');

    const stored = await t.prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
    expect(stored.credential).toEqual(credential);
    const documentLoader = offlineDocumentLoader(async (url) => {
      if (!url.startsWith(`${PUBLIC}/api/`)) return undefined;
      const [base, fragment] = url.split('#');
      const response = await t.client().get(base!.slice(PUBLIC.length));
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      if (!fragment) return response.body;
      const key = response.body.assertionMethod.find((m: { id: string }) => m.id === url);
      return key && { '@context': 'https://w3id.org/security/multikey/v1', ...key };
    });
    const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader, checkStatus });
    expect(result.verified, JSON.stringify(result.error)).toBe(true);
  });
});

describe('the export ZIPs of an erased account', () => {
  it('leave through a job written in the erasure’s transaction', async () => {
    const other = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgA.id, name: 'Salma Idrissi' });
    const client = await signedIn(t, other);
    const exported = await client.post('/api/me/data-export');
    expect(exported.status).toBe(202);
    await t.jobs.drain(60_000);
    const storage = t.app.get(StorageDriver);
    const key = exportStorageKey(exported.body.id);
    expect(await storage.size(key)).toBeGreaterThan(0);

    const asked = await client.post('/api/me/erasure-request');
    expect((await leaderA.post(`/api/erasure-requests/${asked.body.request.id}/confirm`)).status).toBe(204);
    // Committed with the erasure: a crash right after it cannot leave the ZIP behind.
    expect(await t.prisma.outboxJob.count({ where: { jobId: `personal-data.remove-exports:${asked.body.request.id}` } })).toBe(1);
    await t.jobs.drain(30_000);
    expect(await storage.size(key)).toBeNull();
  });
});
