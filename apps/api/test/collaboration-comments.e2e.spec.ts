import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let documentId: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
  const created = await (await signedIn(t, w.leaderA)).post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'OP_ED',
    ownerOrganisationId: w.orgA.id,
    language: 'fr',
    title: 'Tribune commune',
    body: 'Nous demandons une protection sociale pour toutes les travailleuses domestiques.',
    signatoryOrganisationIds: [w.orgB.id],
  });
  documentId = created.body.id;
});
afterAll(async () => {
  await t?.close();
});

const comments = `/api/documents/`;

describe('comments on passages', () => {
  it('lets any member comment on a passage, and the owner’s leader accept or resolve it', async () => {
    const volunteer = await signedIn(t, w.volunteerB);
    const posted = await volunteer.post(`${comments}${documentId}/comments`, {
      language: 'fr',
      quote: 'toutes les travailleuses domestiques',
      body: 'Ajoutons « et les travailleurs ».',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.canDecide).toBe(false);
    expect(posted.body.items).toMatchObject([
      { quote: 'toutes les travailleuses domestiques', authorName: w.volunteerB.name, state: 'OPEN', bodyHtml: '<p>Ajoutons « et les travailleurs ».</p>\n' },
    ]);
    const commentId = posted.body.items[0].id;

    // Only the owner organisation's leaders decide; a partner's leader cannot.
    expect((await (await signedIn(t, w.leaderB)).post(`${comments}${documentId}/comments/${commentId}/decision`, { state: 'ACCEPTED' })).status).toBe(403);
    const owner = await signedIn(t, w.leaderA);
    const accepted = await owner.post(`${comments}${documentId}/comments/${commentId}/decision`, { state: 'ACCEPTED' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ canDecide: true, items: [{ state: 'ACCEPTED', decidedAt: expect.any(String) }] });
    const reopened = await owner.post(`${comments}${documentId}/comments/${commentId}/decision`, { state: 'OPEN' });
    expect(reopened.body.items[0]).toMatchObject({ state: 'OPEN', decidedAt: null });
  });

  it('refuses a language the document does not have (404) and an empty comment (400)', async () => {
    const member = await signedIn(t, w.leaderB);
    expect((await member.post(`${comments}${documentId}/comments`, { language: 'ar', body: 'x' })).status).toBe(404);
    const empty = await member.post(`${comments}${documentId}/comments`, { language: 'fr', body: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details.fields.body).toBeDefined();
  });

  it('keeps comments of a closed group’s document from outsiders and other documents (404)', async () => {
    const other = await signedIn(t, w.leaderC);
    expect((await other.get(`${comments}${documentId}/comments`)).status).toBe(404);
    expect((await other.post(`${comments}${documentId}/comments`, { language: 'fr', body: 'spam' })).status).toBe(404);
    // A comment id smuggled through another document's path does not exist there.
    const own = await (await signedIn(t, w.leaderA)).post(`/api/groups/${w.openGroupId}/documents`, {
      kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Other', body: 'Other text',
    });
    const commentId = (await t.prisma.jointDocumentComment.findFirstOrThrow({ where: { documentId } })).id;
    const smuggled = await (await signedIn(t, w.leaderA)).post(`${comments}${own.body.id}/comments/${commentId}/decision`, { state: 'RESOLVED' });
    expect(smuggled.status).toBe(404);
    expect((await t.prisma.jointDocumentComment.findUniqueOrThrow({ where: { id: commentId } })).state).toBe('OPEN');
  });
});
