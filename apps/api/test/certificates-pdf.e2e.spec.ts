import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { CertificatePdfService } from '../src/modules/certificates/pdf/certificate-pdf.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let dataDir: string;
let world: Awaited<ReturnType<typeof createWorld>>;
let leaderA: TestClient;
let typeId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-certificates-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  world = await createWorld(t.prisma);
  const coordinator = t.client();
  await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
  leaderA = t.client();
  await leaderA.signIn(world.leaderA.email, TEST_PASSWORD);
  const type = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, {
    names: { en: 'Social counselling', fr: 'Accompagnement social', ar: 'الإرشاد الاجتماعي' },
    validityMonths: 24,
    signatories: [{ name: 'Amina El Idrissi', title: 'Coordinator' }, { name: 'Lars Østergaard', title: 'Partner' }],
  });
  typeId = type.body.id;
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function issue(name: string, preferredLanguage: string) {
  const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name });
  await t.prisma.user.update({ where: { id: holder.id }, data: { preferredLanguage } });
  const response = await leaderA.post('/api/certificates', { certificateTypeId: typeId, holderUserId: holder.id, organisationId: world.orgA.id });
  expect(response.status).toBe(201);
  const client = t.client();
  await client.signIn(holder.email, TEST_PASSWORD);
  return { certificate: response.body, client };
}

async function download(client: TestClient, id: string) {
  const response = await client.get(`/api/me/certificates/${id}/pdf`).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(response.body as Buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  const { info } = await getMeta(pdf);
  return { text: text as string, info: info as Record<string, string>, pages: pdf.numPages };
}

const arabicLetters = (s: string) => [...s.replace(/[^\u0621-\u064a]/g, '')].sort().join('');

describe('certificate PDFs', () => {
  it('are rendered by the job in the holder’s language, with name, code, dates and signatories', async () => {
    const { certificate, client } = await issue('Zoë Ñúñez-Dupré', 'fr');
    await t.jobs.drain();
    expect((await client.get('/api/me/certificates')).body.items[0].pdfReady).toBe(true);
    const { text, pages } = await download(client, certificate.id);
    expect(pages).toBe(1);
    expect(text).toContain('Zoë Ñúñez-Dupré');
    expect(text).toContain('Accompagnement social');
    expect(text).toContain('Certificat');
    expect(text).toContain(certificate.code);
    expect(text).toContain(`http://tadamon.test/verify/${certificate.code}`);
    expect(text).toContain('Lars Østergaard');
    expect(text).toContain('Org A');
    expect(text).toMatch(/Valable jusqu’au \d{1,2} \S+ \d{4}/);
  });

  it('write English dates day first, as read across the network ("1 July 2027", not "July 1, 2027")', async () => {
    const { certificate, client } = await issue('Jane Mwangi', 'en');
    await t.jobs.drain();
    const { text } = await download(client, certificate.id);
    expect(text).toMatch(/Valid until \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('shape an Arabic name and an Arabic certificate', async () => {
    const { certificate, client } = await issue('فاطمة الزهراء بنعلي', 'ar');
    await t.jobs.drain();
    const { text, info, pages } = await download(client, certificate.id);
    expect(pages).toBe(1);
    // Dates keep their digit order inside right-to-left lines (26, not 62).
    const issued = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(certificate.issuedAt));
    const year = /\d{4}/.exec(issued)?.[0];
    if (year) expect(text).toContain(year);
    // The document's title carries the exact name; the page text holds every letter of it
    // (pdf.js splits shaped right-to-left runs into pieces, so letters are compared, not order).
    expect(info.Title).toBe('الإرشاد الاجتماعي — فاطمة الزهراء بنعلي');
    for (const word of ['فاطمة', 'بنعلي']) {
      for (const letter of new Set(word)) expect(text).toContain(letter);
    }
    expect(arabicLetters(text).length).toBeGreaterThan(arabicLetters('فاطمة الزهراء بنعلي الإرشاد الاجتماعي').length);
    expect(text).toContain(certificate.code);
  });

  it('are idempotent: duplicated and retried jobs leave one file and one certificate', async () => {
    const { certificate } = await issue('Idem Potent', 'en');
    await Promise.all([
      t.jobs.enqueue('certificate.render-pdf', { certificateId: certificate.id }, { jobId: `certificate-pdf:${certificate.id}` }),
      t.jobs.enqueue('certificate.render-pdf', { certificateId: certificate.id }, { jobId: `certificate-pdf:${certificate.id}` }),
    ]);
    await t.jobs.drain();
    const service = t.app.get(CertificatePdfService);
    const paths = await Promise.all([service.ensureRendered(certificate.id), service.ensureRendered(certificate.id)]);
    expect(new Set(paths).size).toBe(1);
    const files = await readdir(join(dataDir, 'certificates', world.network.id));
    expect(files.filter((f) => f.startsWith(certificate.id))).toEqual([`${certificate.id}.pdf`]);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await t.prisma.certificate.count({ where: { holderName: 'Idem Potent' } })).toBe(1);
  });

  it('are private to their holder', async () => {
    const { certificate } = await issue('Someone', 'en');
    expect((await leaderA.get(`/api/me/certificates/${certificate.id}/pdf`)).status).toBe(404);
    expect((await t.client().get(`/api/me/certificates/${certificate.id}/pdf`)).status).toBe(401);
  });
});
