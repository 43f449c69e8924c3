import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMOGRAPHICS_CONSENT_VERSION, myDemographicsSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';
import { signedIn } from './support/collaboration-world.js';
import type { TestClient } from './support/test-client.js';
import { getBytes, readZip } from './personal-data.support.js';

/**
 * Self-declared gender and age band (issue 19): optional, saved only with explicit consent to
 * the current explanation, read back only by the person, deleted on withdrawal and erasure,
 * included in the person's data export.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
let volunteer: TestClient;
const answer = { gender: 'WOMAN', ageBand: 'AGE_25_34', consent: true, consentVersion: DEMOGRAPHICS_CONSENT_VERSION };
const rowsOf = (userId: string) => t.prisma.personDemographics.count({ where: { userId } });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-demographics-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  w = await createWorld(t.prisma);
  volunteer = await signedIn(t, w.volunteerA);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('one’s own gender and age band', () => {
  it('starts unanswered, with the version of the explanation to consent to', async () => {
    const mine = await volunteer.get('/api/me/demographics');
    expect(mine.status).toBe(200);
    expect(myDemographicsSchema.parse(mine.body)).toEqual({ demographics: null, currentConsentVersion: DEMOGRAPHICS_CONSENT_VERSION });
  });

  it('is not saved without explicit consent (missing or unticked), with a stable code', async () => {
    const { consent: _c, ...withoutConsent } = answer;
    for (const body of [withoutConsent, { ...answer, consent: false }]) {
      const refused = await volunteer.put('/api/me/demographics', body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('DEMOGRAPHICS_CONSENT_REQUIRED');
    }
    expect(await rowsOf(w.volunteerA.id)).toBe(0);
  });

  it('is not saved with consent to an older explanation', async () => {
    for (const consentVersion of ['2020-01-01', undefined]) {
      const refused = await volunteer.put('/api/me/demographics', { ...answer, consentVersion });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('DEMOGRAPHICS_CONSENT_OUTDATED');
    }
    expect(await rowsOf(w.volunteerA.id)).toBe(0);
  });

  it('refuses an answer outside the offered options', async () => {
    const refused = await volunteer.put('/api/me/demographics', { ...answer, gender: 'FEMALE' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.body.details.fields)).toEqual(['gender']);
    const extra = await volunteer.put('/api/me/demographics', { ...answer, birthYear: 1990 });
    expect(extra.status).toBe(400);
  });

  it('is saved with consent, with the moment and the version consented to, and read back', async () => {
    const before = Date.now();
    const saved = await volunteer.put('/api/me/demographics', answer);
    expect(saved.status).toBe(200);
    const view = myDemographicsSchema.parse(saved.body).demographics!;
    expect(view).toMatchObject({ gender: 'WOMAN', ageBand: 'AGE_25_34', consentVersion: DEMOGRAPHICS_CONSENT_VERSION });
    expect(Date.parse(view.consentedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await volunteer.get('/api/me/demographics')).body.demographics).toEqual(view);

    const changed = await volunteer.put('/api/me/demographics', { ...answer, ageBand: 'AGE_35_44' });
    expect(changed.body.demographics.ageBand).toBe('AGE_35_44');
    expect(await rowsOf(w.volunteerA.id)).toBe(1);
  });

  it('is nobody else’s to read: others see only their own, and no route takes a person’s id', async () => {
    for (const other of [w.leaderA, w.coordinator, w.leaderB]) {
      const theirs = await (await signedIn(t, other)).get('/api/me/demographics');
      expect(theirs.status).toBe(200);
      expect(theirs.body.demographics).toBeNull();
    }
    const doc = await t.client().get('/api/openapi.json');
    const paths = Object.keys(doc.body.paths as Record<string, unknown>).filter((p) => /demographic/i.test(p));
    expect(paths).toEqual(['/api/me/demographics']);
    // The person's leader and coordinator, on the screens that show members, see no answer.
    const leader = await signedIn(t, w.leaderA);
    const coordinator = await signedIn(t, w.coordinator);
    for (const [client, path] of [
      [leader, `/api/organisations/${w.orgA.id}/members`],
      [coordinator, `/api/organisations/${w.orgA.id}/members`],
    ] as const) {
      const listed = await client.get(path);
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toMatch(/gender|ageBand|AGE_35_44|WOMAN/);
    }
  });

  it('needs a sign-in', async () => {
    expect((await t.client().get('/api/me/demographics')).status).toBe(401);
    expect((await t.client().put('/api/me/demographics', answer)).status).toBe(401);
    expect((await t.client().delete('/api/me/demographics')).status).toBe(401);
  });

  it('is deleted, not flagged, when consent is withdrawn; withdrawing again is harmless', async () => {
    const other = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgA.id });
    const otherClient = await signedIn(t, other);
    expect((await otherClient.put('/api/me/demographics', { ...answer, gender: 'MAN' })).status).toBe(200);

    const withdrawn = await volunteer.delete('/api/me/demographics');
    expect(withdrawn.status).toBe(204);
    expect(await rowsOf(w.volunteerA.id)).toBe(0);
    expect((await volunteer.get('/api/me/demographics')).body.demographics).toBeNull();
    expect((await volunteer.delete('/api/me/demographics')).status).toBe(204);
    // Only one's own answer goes.
    expect(await rowsOf(other.id)).toBe(1);
  });
});

describe('in the person’s data export and erasure', () => {
  async function exportedDemographics(client: TestClient) {
    const requested = await client.post('/api/me/data-export');
    expect(requested.status).toBe(202);
    await t.jobs.drain(60_000);
    const download = await getBytes(client, `/api/me/data-export/${requested.body.id}`);
    expect(download.status).toBe(200);
    const zip = await readZip(download.body as Buffer);
    return JSON.parse(zip.get('demographics.json')!.toString('utf8'));
  }

  it('exports the answer with its consent, and null once withdrawn', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgB.id });
    const client = await signedIn(t, person);
    expect((await client.put('/api/me/demographics', { ...answer, gender: 'ANOTHER', ageBand: 'UNDER_25' })).status).toBe(200);
    expect(await exportedDemographics(client)).toMatchObject({ gender: 'ANOTHER', ageBand: 'UNDER_25', consentVersion: DEMOGRAPHICS_CONSENT_VERSION });

    expect((await client.delete('/api/me/demographics')).status).toBe(204);
    expect(await exportedDemographics(client)).toBeNull();
  }, 120_000);

  it('deletes the answer when the account is erased', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgB.id });
    const client = await signedIn(t, person);
    expect((await client.put('/api/me/demographics', answer)).status).toBe(200);
    const asked = await client.post('/api/me/erasure-request');
    expect(asked.status).toBe(201);
    const leaderB = await signedIn(t, w.leaderB);
    expect((await leaderB.post(`/api/erasure-requests/${asked.body.request.id}/confirm`)).status).toBe(204);
    expect(await rowsOf(person.id)).toBe(0);
    // Everyone else's answers stay.
    expect(await t.prisma.personDemographics.count()).toBeGreaterThan(0);
  });
});
