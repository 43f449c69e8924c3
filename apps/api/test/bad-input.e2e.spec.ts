import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import type { TestClient } from './support/test-client.js';
import type { Actor } from '../src/common/auth/actor.js';
import { describeError } from '../src/common/errors/error-response.js';
import { ProgressReportsService } from '../src/modules/course-progress/progress-reports.service.js';

/**
 * Text PostgreSQL cannot store (U+0000, a lone UTF-16 surrogate) and integers past its int4
 * columns used to reach the database and answer 500. Each must be refused as 400 with a stable
 * code, wherever it comes in: JSON body, query string or path parameter, and a download must
 * refuse before its first byte, compressed or not.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let coordinator: TestClient;
let leaderA: TestClient;

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const INT4_PAST = 2 ** 31;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
  coordinator = await signedIn(t, w.coordinator);
  leaderA = await signedIn(t, w.leaderA);
});
afterAll(async () => {
  await t?.close();
});

function expectRefused(response: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.body as { code: string; requestId: string };
  expect(ERROR_CODES).toContain(body.code);
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.requestId).toBeTruthy();
}

/** The raw JSON text, so a lone surrogate travels as the escape `\ud800` exactly as a browser would send it. */
const rawJson = (client: TestClient, method: 'post' | 'patch' | 'put', path: string, json: string) =>
  client.agent[method](path).set('x-csrf-token', client.csrfToken!).set('content-type', 'application/json').send(json);

describe('text PostgreSQL cannot store', () => {
  it('is refused in search queries (400), whether NUL or an invalid UTF-8 sequence', async () => {
    for (const q of ['%00', 'ab%00cd', '%ED%A0%80', '%FF', '%C0%AF']) {
      expectRefused(await coordinator.get(`/api/directory?q=${q}`));
      expectRefused(await coordinator.get(`/api/materials?q=${q}`));
      expectRefused(await coordinator.get(`/api/groups?q=${q}`));
    }
    // The same search without the bad character still works.
    expect((await coordinator.get('/api/directory?q=Org')).status).toBe(200);
  });

  it('is refused in JSON text fields, and nothing is saved', async () => {
    for (const name of [`Amina${NUL}`, `Amina${LONE_SURROGATE}`]) {
      expectRefused(await coordinator.patch('/api/profile', { name }));
    }
    expectRefused(await rawJson(coordinator, 'patch', '/api/profile', '{"name":"Amina\\ud800"}'));
    expectRefused(await rawJson(coordinator, 'patch', '/api/profile', '{"name":"Amina\\u0000"}'));
    const groupName = await leaderA.post('/api/groups', {
      networkId: w.network.id,
      name: `Nul${NUL}group`,
      audience: 'NETWORK',
    });
    expectRefused(groupName);
    // Nested deep in a body, too.
    expectRefused(await rawJson(leaderA, 'post', '/api/groups', `{"networkId":"${w.network.id}","name":"ok","audience":"ORGANISATIONS","organisationIds":["\\u0000"]}`));
    const me = await t.prisma.user.findUniqueOrThrow({ where: { id: w.coordinator.id } });
    expect(me.name).toBe(w.coordinator.name);
    expect(await t.prisma.workingGroup.count({ where: { name: { contains: 'group' } } })).toBe(0);
  });

  it('is refused in keys of a JSON body as well as in values', async () => {
    expectRefused(await rawJson(coordinator, 'patch', '/api/profile', '{"na\\u0000me":"Amina"}'));
  });

  it('is refused in path parameters that are not identifiers', async () => {
    expectRefused(await t.client().get('/api/calendar-feeds/abc%00def/meetings.ics'));
    expectRefused(await t.client().get('/api/verify/abc%00def'));
    expectRefused(await t.client().get('/api/verify/%ED%A0%80'));
    expectRefused(await coordinator.get(`/api/documents/${'%00'}`));
  });
});

describe('addresses and headers past what the server reads', () => {
  it('refuses a path parameter longer than any id (400), signed in or not', async () => {
    expectRefused(await coordinator.get(`/api/threads/${'x'.repeat(3000)}`));
    expectRefused(await t.client().get(`/api/networks/${'x'.repeat(150)}/stats`));
  });

  it('answers an address past the 16 kB header limit with a stable code (413)', async () => {
    const answer = await coordinator.get(`/api/directory?q=${'a'.repeat(20_000)}`).ok(() => true);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers resumable-upload protocol refusals with our JSON error, not tus’s plain text', async () => {
    const missingVersion = await leaderA.agent.post('/api/uploads').set('x-csrf-token', leaderA.csrfToken!).set('upload-length', '10');
    expectRefused(missingVersion);
    const badLength = await leaderA.agent
      .post('/api/uploads')
      .set('x-csrf-token', leaderA.csrfToken!)
      .set('tus-resumable', '1.0.0')
      .set('upload-length', '-1');
    expectRefused(badLength);
    const unknown = await leaderA.agent.head(`/api/uploads/${'a'.repeat(32)}`).set('tus-resumable', '1.0.0');
    expect(unknown.status).toBe(404);
  });
});

describe('integers past PostgreSQL int4', () => {
  it('are refused as the base revision of a joint document (400), and the document is unchanged', async () => {
    const created = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'LETTER',
      ownerOrganisationId: w.orgA.id,
      language: 'en',
      title: 'Joint letter',
      body: 'We call on the minister.',
      signatoryOrganisationIds: [w.orgB.id],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const baseRevision of [INT4_PAST, 2 ** 31 - 1, 2 ** 53, 1e300]) {
      expect([400, 409]).toContain(
        (await leaderA.put(`/api/documents/${id}/versions/en`, { title: 'T', body: 'B', baseRevision })).status,
      );
    }
    expectRefused(await leaderA.put(`/api/documents/${id}/versions/en`, { title: 'T', body: 'B', baseRevision: INT4_PAST }));
    expectRefused(await rawJson(leaderA, 'put', `/api/documents/${id}/versions/en`, '{"title":"T","body":"B","baseRevision":1e400}'));
    const detail = await leaderA.get(`/api/documents/${id}`);
    expect(detail.body.versions[0]).toMatchObject({ revision: 1, title: 'Joint letter' });
  });

  it('are refused in paging query strings', async () => {
    expectRefused(await coordinator.get(`/api/directory?limit=${INT4_PAST}`));
    expectRefused(await coordinator.get(`/api/organisations/${w.orgA.id}/course-progress?page=${INT4_PAST}`));
    expectRefused(await leaderA.get(`/api/documents/${w.openGroupId}/versions/en/diff?from=1&to=${INT4_PAST}`));
  });
});

describe('the progress CSV export', () => {
  const csvPath = () => `/api/organisations/${w.orgA.id}/course-progress.csv`;

  it('refuses a bad search before its first byte, as JSON, with or without compression', async () => {
    for (const q of ['%00', '%ED%A0%80']) {
      for (const encoding of ['identity', 'gzip', 'br']) {
        const answer = await coordinator.get(`${csvPath()}?q=${q}`).set('accept-encoding', encoding);
        expectRefused(answer);
        expect(answer.headers['content-disposition']).toBeUndefined();
      }
    }
  });

  it('still downloads with a good search, compressed or not', async () => {
    for (const encoding of ['identity', 'gzip']) {
      const answer = await coordinator.get(`${csvPath()}?q=Amina`).set('accept-encoding', encoding).buffer(true);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv/);
      expect(answer.text.startsWith('\uFEFF')).toBe(true);
    }
  });

  it('reads from the database before its first byte, and a value the database refuses is a 400, not a 500', async () => {
    // Past the HTTP guard (as a future caller might be): the export itself must fail before it streams.
    const actor: Actor = {
      userId: w.coordinator.id,
      sessionId: 'direct',
      sessionTokenHash: 'direct',
      email: w.coordinator.email,
      phone: null,
      username: null,
      sharedDevice: false,
      name: w.coordinator.name,
      preferredLanguage: 'en',
      timeZone: 'UTC',
      isPlatformAdmin: false,
      organisations: new Map(),
      networks: new Map([[w.network.id, { role: 'COORDINATOR', name: w.network.name }]]),
    };
    const reports = t.app.get(ProgressReportsService);
    const refused = await reports.organisationCsv(actor, w.orgA.id, { q: `a${NUL}b` }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).not.toBeNull();
    expect(describeError(refused)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(describeError(new Error('anything else')).code).toBe('INTERNAL');
    await expect(reports.organisationCsv(actor, w.orgA.id, { q: 'Amina' })).resolves.toHaveProperty('stream');
  });
});
