import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { baseUrlOf, EventStreamReader, sessionCookie } from './support/event-stream.js';
import { createOrganisation, createUser } from './support/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let baseUrl: string;
const open: EventStreamReader[] = [];

beforeAll(async () => {
  // A short heartbeat so the test sees one; streams end after 8 s to show reconnection is needed.
  t = await startTestApp({ LIVE_HEARTBEAT_MS: '300', LIVE_STREAM_MAX_MS: '8000' });
  w = await createCollaborationWorld(t);
  baseUrl = await baseUrlOf(t);
});
afterAll(async () => {
  open.forEach((stream) => stream.close());
  await t?.close();
});

async function stream(user: { email: string }, documentId: string) {
  const reader = await EventStreamReader.open(`${baseUrl}/api/documents/${documentId}/events`, await sessionCookie(baseUrl, user.email, t.prisma));
  open.push(reader);
  return reader;
}

async function openLetter() {
  const owner = await signedIn(t, w.leaderA);
  const created = await owner.post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Live letter', body: 'Text', signatoryOrganisationIds: [w.orgB.id],
  });
  const id = created.body.id as string;
  await owner.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' });
  await owner.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
  return id;
}

describe('the live signatory list (server-sent events)', () => {
  it('tells every open page of the document at once when an organisation signs', async () => {
    const id = await openLetter();
    const signer = await signedIn(t, w.leaderB);
    const ownerPage = await stream(w.leaderA, id);
    const readerPage = await stream(w.volunteerB, id);
    expect(ownerPage.response.status).toBe(200);
    expect(ownerPage.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(ownerPage.response.headers.get('cache-control')).toContain('no-store');
    await Promise.all([ownerPage.waitFor('ready'), readerPage.waitFor('ready')]);

    const signed = await signer.post(`/api/documents/${id}/signatories/${w.orgB.id}/decision`, { decision: 'SIGN' });
    expect(signed.status).toBe(200);
    for (const page of [ownerPage, readerPage]) {
      const [changed] = await page.waitFor('changed');
      expect(JSON.parse(changed!.data)).toEqual({ what: 'signatures' });
    }
    // What the page then refetches shows the signature.
    const after = await (await signedIn(t, w.volunteerB)).get(`/api/documents/${id}`);
    expect(after.body.signatories.find((s: { organisationId: string }) => s.organisationId === w.orgB.id).status).toBe('SIGNED');
  });

  it('only streams the document it was opened for', async () => {
    const id = await openLetter();
    const other = await openLetter();
    const [signer, owner] = [await signedIn(t, w.leaderB), await signedIn(t, w.leaderA)];
    const page = await stream(w.leaderA, id);
    await page.waitFor('ready');
    await signer.post(`/api/documents/${other}/signatories/${w.orgB.id}/decision`, { decision: 'SIGN' });
    await owner.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' });
    const [changed] = await page.waitFor('changed');
    expect(JSON.parse(changed!.data)).toEqual({ what: 'status' });
    expect(page.events.filter((e) => e.event === 'changed')).toHaveLength(1);
  });

  it('sends heartbeats and ends the stream after its longest life, for the browser to reconnect', async () => {
    const id = await openLetter();
    const page = await stream(w.volunteerA, id);
    await page.waitFor('ready');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(page.comments).toBeGreaterThanOrEqual(2);
    const text = await fetch(`${baseUrl}/api/documents/${id}/events`, { headers: { cookie: await sessionCookie(baseUrl, w.volunteerA.email) } }).then((r) => r.text());
    // The whole stream, start to end, within the 8 s this test app allows.
    expect(text).toMatch(/^retry: 5000\n\n/);
    expect(text).toContain('event: ready');
  });

  it('gives no stream to anyone outside the document’s group (404) or signed out (401)', async () => {
    const id = await openLetter();
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D' });
    const leaderD = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id });
    for (const user of [leaderD, w.leaderC, w.otherCoordinator]) {
      const page = await stream(user, id);
      expect(page.response.status).toBe(404);
      expect(page.response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await page.response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const anonymous = await fetch(`${baseUrl}/api/documents/${id}/events`);
    expect(anonymous.status).toBe(401);
    const malformed = await stream(w.leaderA, 'not-a-uuid');
    expect(malformed.response.status).toBe(400);
  });
});
