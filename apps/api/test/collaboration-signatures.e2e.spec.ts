import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { downloadPdfText, pdfTextPositions } from './support/pdf-text.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

/** A letter with English and Arabic versions, open for signature by Org A and Org B. */
async function openLetter() {
  const owner = await signedIn(t, w.leaderA);
  const created = await owner.post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'LETTER',
    ownerOrganisationId: w.orgA.id,
    language: 'en',
    title: 'Letter to the Minister of Labour',
    body: '# Our demands\n\nWe call for the ratification of **C189**.',
    signatoryOrganisationIds: [w.orgB.id],
  });
  const id = created.body.id as string;
  await owner.put(`/api/documents/${id}/versions/ar`, {
    title: 'رسالة إلى وزير الشغل',
    body: 'نطالب بالمصادقة على الاتفاقية 189 لحماية العاملات المنزليات.',
    baseRevision: 0,
  });
  await owner.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' });
  await owner.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
  return id;
}
const decide = (client: Awaited<ReturnType<typeof signedIn>>, id: string, organisationId: string, decision: string) =>
  client.post(`/api/documents/${id}/signatories/${organisationId}/decision`, { decision });

describe('signing on behalf of an organisation', () => {
  it('lets each invited organisation’s leader sign or decline for it, and shows the list', async () => {
    const id = await openLetter();
    const leaderB = await signedIn(t, w.leaderB);
    expect((await leaderB.get(`/api/documents/${id}`)).body.canSignFor).toEqual([w.orgB.id]);
    const signed = await decide(leaderB, id, w.orgB.id, 'SIGN');
    expect(signed.status).toBe(200);
    expect(signed.body.signatories.find((s: { organisationId: string }) => s.organisationId === w.orgB.id)).toMatchObject({
      status: 'SIGNED',
      decidedByName: w.leaderB.name,
      decidedAt: expect.any(String),
    });
    const declined = await decide(await signedIn(t, w.leaderA), id, w.orgA.id, 'DECLINE');
    expect(declined.body.signatories.map((s: { status: string }) => s.status)).toEqual(['DECLINED', 'SIGNED']);
    expect(declined.body.signedCount).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'document.signature_decided', details: { path: ['documentId'], equals: id } }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => [e.actorId, e.organisationId, (e.details as { decision: string }).decision])).toEqual([
      [w.leaderB.id, w.orgB.id, 'SIGNED'],
      [w.leaderA.id, w.orgA.id, 'DECLINED'],
    ]);
  });

  it('refuses volunteers, leaders of another organisation, and coordinators signing for it (403)', async () => {
    const id = await openLetter();
    for (const user of [w.volunteerB, w.leaderA, w.coordinator]) {
      const response = await decide(await signedIn(t, user), id, w.orgB.id, 'SIGN');
      expect(response.status).toBe(403);
    }
    expect((await decide(await signedIn(t, w.leaderB), id, w.orgC.id, 'SIGN')).status).toBe(404);
    const row = await t.prisma.jointDocumentSignatory.findUniqueOrThrow({ where: { documentId_organisationId: { documentId: id, organisationId: w.orgB.id } } });
    expect(row.status).toBe('INVITED');
  });

  it('closes signing outside the signature period and clears signatures when the text goes back to review', async () => {
    const id = await openLetter();
    const owner = await signedIn(t, w.leaderA);
    await decide(await signedIn(t, w.leaderB), id, w.orgB.id, 'SIGN');
    const back = await owner.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' });
    expect(back.body.signatories.map((s: { status: string }) => s.status)).toEqual(['INVITED', 'INVITED']);
    const closed = await decide(await signedIn(t, w.leaderB), id, w.orgB.id, 'SIGN');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('SIGNATURE_CLOSED');
    await owner.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
    await decide(await signedIn(t, w.leaderB), id, w.orgB.id, 'SIGN');
    expect((await owner.post(`/api/documents/${id}/status`, { status: 'PUBLISHED' })).body.status).toBe('PUBLISHED');
    const late = await decide(await signedIn(t, w.leaderA), id, w.orgA.id, 'SIGN');
    expect(late.body.code).toBe('SIGNATURE_CLOSED');
    expect(await t.prisma.jointDocumentSignatory.count({ where: { documentId: id, status: 'SIGNED' } })).toBe(1);
  });

  it('notifies the leaders of invited organisations when signatures open, once', async () => {
    const id = await openLetter();
    const inbox = await (await signedIn(t, w.leaderB)).get('/api/me/notifications');
    const requests = inbox.body.items.filter((n: { kind: string; link: string }) => n.kind === 'signatureRequested' && n.link.endsWith(id));
    expect(requests).toHaveLength(1);
    expect(requests[0].data.organisation).toBe('Org B');
    await t.mailbox.waitFor(w.leaderB.email, (m) => (m.text ?? '').includes('Org B is invited to sign “Letter to the Minister of Labour”'));
  });
});

describe('PDF export', () => {
  it('exports the final text with both signatory organisations, in English and in Arabic', async () => {
    const id = await openLetter();
    await decide(await signedIn(t, w.leaderA), id, w.orgA.id, 'SIGN');
    await decide(await signedIn(t, w.leaderB), id, w.orgB.id, 'SIGN');
    const reader = await signedIn(t, w.volunteerB);

    const en = await downloadPdfText(reader, `/api/documents/${id}/versions/en/pdf`);
    expect(en.status).toBe(200);
    expect(en.contentType).toBe('application/pdf');
    expect(en.text).toContain('Letter to the Minister of Labour');
    expect(en.text).toContain('We call for the ratification of C189.');
    expect(en.text).toContain('Signatories');
    expect(en.text).toContain('Org A');
    expect(en.text).toContain('Org B');
    expect(en.text).toContain(`Signed on behalf of the organisation by ${w.leaderB.name}`);

    const ar = await downloadPdfText(reader, `/api/documents/${id}/versions/ar/pdf`);
    expect(ar.status).toBe(200);
    expect(ar.text).toContain('Org A');
    expect(ar.text).toContain('Org B');
    // Arabic is embedded as shaped glyphs of the Naskh font; the extracted text holds Arabic letters.
    expect(ar.text).toMatch(/[\u0600-\u06FF\uFE70-\uFEFF]{3,}/);
    expect(ar.text).not.toContain('Signatories');

    expect((await reader.get(`/api/documents/${id}/versions/fr/pdf`)).status).toBe(404);
  });
});

describe('PDF export in every language of the network', () => {
  const VERSIONS = {
    fr: { title: 'Lettre au ministre du Travail', body: 'Nous demandons la ratification de la C189.', signatories: 'Signataires', signedBy: 'Signé au nom de l’organisation par' },
    es: { title: 'Carta al ministro de Trabajo', body: 'Pedimos la ratificación del C189.', signatories: 'Firmantes', signedBy: 'Firmado en nombre de la organización por' },
    nl: { title: 'Brief aan de minister van Arbeid', body: 'Wij vragen de ratificatie van C189.', signatories: 'Ondertekenaars', signedBy: 'Namens de organisatie ondertekend door' },
  } as const;

  it('prints French, Spanish and Dutch versions with their own words and both signatories; Arabic right to left', async () => {
    const owner = await signedIn(t, w.leaderA);
    const created = await owner.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'STATEMENT', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Statement on care work', body: 'We ask for C189.', signatoryOrganisationIds: [w.orgB.id],
    });
    const id = created.body.id as string;
    for (const [language, v] of Object.entries(VERSIONS)) {
      expect((await owner.put(`/api/documents/${id}/versions/${language}`, { title: v.title, body: v.body, baseRevision: 0 })).status).toBe(200);
    }
    await owner.put(`/api/documents/${id}/versions/ar`, { title: 'بيان حول العمل المنزلي', body: 'نطالب بالمصادقة على الاتفاقية 189.', baseRevision: 0 });
    await owner.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' });
    await owner.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
    await decide(owner, id, w.orgA.id, 'SIGN');
    await decide(await signedIn(t, w.leaderB), id, w.orgB.id, 'SIGN');
    const reader = await signedIn(t, w.volunteerA);

    for (const [language, v] of Object.entries(VERSIONS)) {
      const pdf = await downloadPdfText(reader, `/api/documents/${id}/versions/${language}/pdf`);
      expect(pdf.status, language).toBe(200);
      for (const expected of [v.title, v.body, v.signatories, 'Org A', 'Org B', `${v.signedBy} ${w.leaderA.name}`, `${v.signedBy} ${w.leaderB.name}`]) {
        expect(pdf.text, `${language}: ${expected}`).toContain(expected);
      }
      expect(pdf.text, language).not.toContain('Signatories');
    }

    // Left-to-right pages start every line at the left margin (56 pt); the Arabic page ends
    // its lines at the right margin and starts them further in. Widths measured by the PDF
    // reader differ from the writer's by a few points.
    const margin = 56;
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(6);
    const fr = await pdfTextPositions((await downloadPdfText(reader, `/api/documents/${id}/versions/fr/pdf`)).bytes);
    const frTitle = fr.runs.find((r) => r.text.includes('Lettre au ministre'))!;
    near(frTitle.left, margin);
    const ar = await downloadPdfText(reader, `/api/documents/${id}/versions/ar/pdf`);
    expect(ar.text).toContain('Org A');
    expect(ar.text).toContain('Org B');
    const arabic = await pdfTextPositions(ar.bytes);
    const arabicRuns = arabic.runs.filter((r) => /[\u0600-\u06FF\uFE70-\uFEFF]/.test(r.text));
    expect(arabicRuns.length).toBeGreaterThan(3);
    const lineEnds = arabicRuns.map((r) => r.right);
    near(Math.max(...lineEnds), arabic.pageWidth - margin);
    expect(Math.min(...arabicRuns.map((r) => r.left))).toBeGreaterThan(margin + 100);
    // The organisations' Latin names sit at the right edge too, not at the left margin.
    const orgB = arabic.runs.find((r) => r.text.includes('Org B'))!;
    near(orgB.right, arabic.pageWidth - margin);
    expect(orgB.left).toBeGreaterThan(margin + 100);
  });
});

describe('inviting more signatories', () => {
  it('adds an organisation of the group while signing is open and tells its leaders who is invited', async () => {
    const id = await openLetter();
    const owner = await signedIn(t, w.leaderA);
    // Org C is in another network: not in this group (404), nothing added.
    expect((await owner.post(`/api/documents/${id}/signatories`, { organisationIds: [w.orgC.id] })).status).toBe(404);
    expect((await (await signedIn(t, w.leaderB)).post(`/api/documents/${id}/signatories`, { organisationIds: [w.orgB.id] })).status).toBe(403);
    await t.prisma.jointDocumentSignatory.delete({ where: { documentId_organisationId: { documentId: id, organisationId: w.orgB.id } } });
    const added = await owner.post(`/api/documents/${id}/signatories`, { organisationIds: [w.orgB.id] });
    expect(added.status).toBe(200);
    expect(added.body.signatories.map((s: { organisationName: string }) => s.organisationName)).toEqual(['Org A', 'Org B']);
    const note = await t.prisma.notification.findFirstOrThrow({ where: { userId: w.leaderB.id, eventKey: `signature-invited:${id}:${w.orgB.id}` } });
    expect((note.data as { organisation: string }).organisation).toBe('Org B');
  });
});
