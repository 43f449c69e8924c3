import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createOrganisation, createUser } from './support/factories.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

async function newLetter(body = 'We call on the minister to ratify C189.') {
  const response = await (await signedIn(t, w.leaderA)).post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'LETTER',
    ownerOrganisationId: w.orgA.id,
    language: 'en',
    title: 'Joint letter on domestic work',
    body,
    signatoryOrganisationIds: [w.orgB.id],
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}
const save = (client: Awaited<ReturnType<typeof signedIn>>, id: string, language: string, body: object) =>
  client.put(`/api/documents/${id}/versions/${language}`, body);

describe('creating a joint document', () => {
  it('starts as a draft with the owner and invited organisations as signatories', async () => {
    const { id } = await newLetter();
    const detail = await (await signedIn(t, w.leaderB)).get(`/api/documents/${id}`);
    expect(detail.body).toMatchObject({
      status: 'DRAFT',
      ownerOrganisationName: 'Org A',
      languages: ['en'],
      canEdit: true,
      canChangeStatus: false,
      signatories: [
        { organisationName: 'Org A', status: 'INVITED' },
        { organisationName: 'Org B', status: 'INVITED' },
      ],
    });
    expect(detail.body.versions[0]).toMatchObject({ revision: 1, bodyHtml: '<p>We call on the minister to ratify C189.</p>\n' });
  });

  it('refuses an owner the caller does not lead (403) and organisations outside the group (404)', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const base = { kind: 'LETTER', language: 'en', title: 'x', body: 'y' };
    expect((await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, { ...base, ownerOrganisationId: w.orgB.id })).status).toBe(403);
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D' });
    const outside = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, { ...base, ownerOrganisationId: w.orgA.id, signatoryOrganisationIds: [orgD.id] });
    expect(outside.status).toBe(404);
    expect((await (await signedIn(t, w.volunteerA)).post(`/api/groups/${w.closedGroupId}/documents`, { ...base, ownerOrganisationId: w.orgA.id })).status).toBe(403);
  });
});

describe('optimistic concurrency', () => {
  it('saves on the current revision and answers a stale save with 409 CONFLICT showing the other change', async () => {
    const { id } = await newLetter();
    const leaderA = await signedIn(t, w.leaderA);
    const leaderB = await signedIn(t, w.leaderB);
    const first = await save(leaderA, id, 'en', { title: 'Joint letter on domestic work', body: 'We call on the government to ratify C189.', baseRevision: 1 });
    expect(first.status).toBe(200);
    expect(first.body.versions[0].revision).toBe(2);

    const stale = await save(leaderB, id, 'en', { title: 'Joint letter on domestic work', body: 'We urge the minister to ratify C189.', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect(stale.body.details).toMatchObject({
      currentRevision: 2,
      current: { body: 'We call on the government to ratify C189.', authorName: w.leaderA.name },
      theirChanges: expect.arrayContaining([
        { kind: 'removed', text: 'minister' },
        { kind: 'added', text: 'government' },
      ]),
    });
    // Nothing was overwritten, and no revision was recorded for the refused save.
    const version = await t.prisma.jointDocumentVersion.findFirstOrThrow({ where: { documentId: id } });
    expect(version).toMatchObject({ revision: 2, body: 'We call on the government to ratify C189.' });
    expect(await t.prisma.jointDocumentRevision.count({ where: { versionId: version.id } })).toBe(2);

    const resolved = await save(leaderB, id, 'en', { title: 'Joint letter on domestic work', body: 'We urge the government to ratify C189.', baseRevision: 2 });
    expect(resolved.body.versions[0]).toMatchObject({ revision: 3, bodyMarkdown: 'We urge the government to ratify C189.' });
  });

  it('lets exactly one of two simultaneous saves from the same revision win', async () => {
    const { id } = await newLetter();
    const [a, b] = await Promise.all([
      save(await signedIn(t, w.leaderA), id, 'en', { title: 'T', body: 'Version A', baseRevision: 1 }),
      save(await signedIn(t, w.leaderB), id, 'en', { title: 'T', body: 'Version B', baseRevision: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const version = await t.prisma.jointDocumentVersion.findFirstOrThrow({ where: { documentId: id } });
    expect(version.revision).toBe(2);
    expect(version.body).toBe(a.status === 200 ? 'Version A' : 'Version B');
  });
});

describe('language versions, revisions and diffs', () => {
  it('keeps language versions side by side and compares any two revisions word by word', async () => {
    const { id } = await newLetter('One two three.');
    const leaderA = await signedIn(t, w.leaderA);
    await save(leaderA, id, 'en', { title: 'Joint letter on domestic work', body: 'One 2 three.', baseRevision: 1 });
    await save(leaderA, id, 'en', { title: 'Joint letter', body: 'One 2 three four.', baseRevision: 2 });
    const ar = await save(leaderA, id, 'ar', { title: 'رسالة مشتركة', body: 'نطالب بالمصادقة على الاتفاقية 189.', baseRevision: 0 });
    expect(ar.body.languages).toEqual(['ar', 'en']);
    // The title shown is the reader's language version, and says which language it is in.
    expect(ar.body).toMatchObject({ title: 'Joint letter', titleLanguage: 'en' });
    const arabicReader = await signedIn(t, w.leaderA);
    await arabicReader.patch('/api/me/profile', { preferredLanguage: 'ar' });
    expect((await arabicReader.get(`/api/documents/${id}`)).body).toMatchObject({ title: 'رسالة مشتركة', titleLanguage: 'ar' });
    await arabicReader.patch('/api/me/profile', { preferredLanguage: 'en' });
    expect((await save(leaderA, id, 'ar', { title: 'x', body: 'y', baseRevision: 0 })).status).toBe(409);

    const history = await leaderA.get(`/api/documents/${id}/versions/en/revisions`);
    expect(history.body.items.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3]);
    const diff = await (await signedIn(t, w.volunteerB)).get(`/api/documents/${id}/versions/en/diff?from=1&to=3`);
    expect(diff.status).toBe(200);
    expect(diff.body.body).toEqual([
      { kind: 'same', text: 'One ' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: ' three' },
      { kind: 'added', text: ' four' },
      { kind: 'same', text: '.' },
    ]);
    expect(diff.body.title).toEqual([{ kind: 'same', text: 'Joint letter' }, { kind: 'removed', text: ' on domestic work' }]);
    expect((await leaderA.get(`/api/documents/${id}/versions/en/diff?from=1&to=9`)).status).toBe(404);
  });
});

describe('status life cycle', () => {
  it('moves only along allowed transitions, freezes the text for signature, and only for the owner', async () => {
    const { id } = await newLetter();
    const owner = await signedIn(t, w.leaderA);
    const status = (client: typeof owner, to: string) => client.post(`/api/documents/${id}/status`, { status: to });
    const skipped = await status(owner, 'PUBLISHED');
    expect(skipped.status).toBe(409);
    expect(skipped.body).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', details: { from: 'DRAFT', to: 'PUBLISHED' } });
    expect((await status(await signedIn(t, w.leaderB), 'IN_REVIEW')).status).toBe(403);
    expect((await status(owner, 'IN_REVIEW')).body.status).toBe('IN_REVIEW');
    expect((await status(owner, 'OPEN_FOR_SIGNATURE')).body.allowedTransitions).toEqual(['IN_REVIEW', 'PUBLISHED', 'ARCHIVED']);
    const frozen = await save(owner, id, 'en', { title: 'T', body: 'late change', baseRevision: 1 });
    expect(frozen.body.code).toBe('DOCUMENT_NOT_EDITABLE');
    const unsigned = await status(owner, 'PUBLISHED');
    expect(unsigned.body).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', details: { reason: 'noSignature' } });
    expect((await t.prisma.jointDocument.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN_FOR_SIGNATURE');
  });
});

describe('the whole life cycle', () => {
  it('goes draft → in review → open for signature → published → archived, and refuses every other move with a stable code', async () => {
    const { id } = await newLetter();
    const owner = await signedIn(t, w.leaderA);
    const status = (to: string) => owner.post(`/api/documents/${id}/status`, { status: to });
    const refusedFrom = async (from: string, moves: string[]) => {
      for (const to of moves) {
        const answer = await status(to);
        expect(answer.status, `${from} -> ${to}`).toBe(409);
        expect(answer.body, `${from} -> ${to}`).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', details: { from, to } });
      }
      expect((await t.prisma.jointDocument.findUniqueOrThrow({ where: { id } })).status).toBe(from);
    };
    await refusedFrom('DRAFT', ['DRAFT', 'OPEN_FOR_SIGNATURE', 'PUBLISHED']);
    expect((await status('IN_REVIEW')).body.allowedTransitions).toEqual(['DRAFT', 'OPEN_FOR_SIGNATURE', 'ARCHIVED']);
    await refusedFrom('IN_REVIEW', ['IN_REVIEW', 'PUBLISHED']);
    expect((await status('OPEN_FOR_SIGNATURE')).body.status).toBe('OPEN_FOR_SIGNATURE');
    await refusedFrom('OPEN_FOR_SIGNATURE', ['DRAFT', 'OPEN_FOR_SIGNATURE']);
    await owner.post(`/api/documents/${id}/signatories/${w.orgA.id}/decision`, { decision: 'SIGN' });
    const published = await status('PUBLISHED');
    expect(published.body).toMatchObject({ status: 'PUBLISHED', allowedTransitions: ['ARCHIVED'], canEdit: false });
    await refusedFrom('PUBLISHED', ['DRAFT', 'IN_REVIEW', 'OPEN_FOR_SIGNATURE', 'PUBLISHED']);
    expect((await save(owner, id, 'en', { title: 'T', body: 'after publication', baseRevision: 1 })).body.code).toBe('DOCUMENT_NOT_EDITABLE');
    const archived = await status('ARCHIVED');
    expect(archived.body).toMatchObject({ status: 'ARCHIVED', allowedTransitions: [] });
    await refusedFrom('ARCHIVED', ['DRAFT', 'IN_REVIEW', 'OPEN_FOR_SIGNATURE', 'PUBLISHED', 'ARCHIVED']);
    expect((await save(owner, id, 'en', { title: 'T', body: 'after archiving', baseRevision: 1 })).body.code).toBe('DOCUMENT_NOT_EDITABLE');
    // Each move the document made is in the audit log, in order.
    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'document.status_changed', details: { path: ['documentId'], equals: id } }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => (e.details as { to: string }).to)).toEqual(['IN_REVIEW', 'OPEN_FOR_SIGNATURE', 'PUBLISHED', 'ARCHIVED']);
  });

  it('compares any two revisions, in either order, and each diff rebuilds both texts', async () => {
    const { id } = await newLetter('Alpha beta.');
    const leaderA = await signedIn(t, w.leaderA);
    const bodies = ['Alpha beta.', 'Alpha gamma.', 'Delta gamma.', 'Delta gamma epsilon.'];
    for (const [index, body] of bodies.slice(1).entries()) await save(leaderA, id, 'en', { title: 'T', body, baseRevision: index + 1 });
    const reader = await signedIn(t, w.volunteerB);
    const rebuild = (parts: { kind: string; text: string }[], side: 'from' | 'to') =>
      parts.filter((p) => p.kind === 'same' || p.kind === (side === 'from' ? 'removed' : 'added')).map((p) => p.text).join('');
    for (let from = 1; from <= bodies.length; from++) {
      for (let to = 1; to <= bodies.length; to++) {
        const diff = await reader.get(`/api/documents/${id}/versions/en/diff?from=${from}&to=${to}`);
        expect(diff.status, `${from}..${to}`).toBe(200);
        expect(rebuild(diff.body.body, 'from'), `${from}..${to}`).toBe(bodies[from - 1]);
        expect(rebuild(diff.body.body, 'to'), `${from}..${to}`).toBe(bodies[to - 1]);
        if (from === to) expect(diff.body.body.every((p: { kind: string }) => p.kind === 'same')).toBe(true);
      }
    }
    expect((await reader.get(`/api/documents/${id}/versions/en/diff?from=4&to=1`)).body.body).toEqual([
      { kind: 'removed', text: 'Delta' },
      { kind: 'added', text: 'Alpha' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'gamma epsilon' },
      { kind: 'added', text: 'beta' },
      { kind: 'same', text: '.' },
    ]);
  });
});

describe('scoping', () => {
  it('hides documents of a closed group from outsiders and other networks (404 on every route)', async () => {
    const { id } = await newLetter();
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D3' });
    const outsider = await signedIn(t, await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id }));
    for (const client of [outsider, await signedIn(t, w.leaderC), await signedIn(t, w.otherCoordinator)]) {
      expect((await client.get(`/api/documents/${id}`)).status).toBe(404);
      expect((await client.get(`/api/groups/${w.closedGroupId}/documents`)).status).toBe(404);
      expect((await save(client, id, 'en', { title: 'T', body: 'hijack', baseRevision: 1 })).status).toBe(404);
      expect((await client.get(`/api/documents/${id}/versions/en/revisions`)).status).toBe(404);
      expect((await client.get(`/api/documents/${id}/versions/en/pdf`)).status).toBe(404);
      expect((await client.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' })).status).toBe(404);
    }
    expect((await t.prisma.jointDocumentVersion.findFirstOrThrow({ where: { documentId: id } })).body).not.toBe('hijack');
  });

  it('lets volunteers read but not edit (403)', async () => {
    const { id } = await newLetter();
    const volunteer = await signedIn(t, w.volunteerB);
    expect((await volunteer.get(`/api/documents/${id}`)).body.canEdit).toBe(false);
    expect((await save(volunteer, id, 'en', { title: 'T', body: 'x', baseRevision: 1 })).status).toBe(403);
  });
});
