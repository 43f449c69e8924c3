import { execFileSync } from 'node:child_process';
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
  const bytes = response.body as Buffer;
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  const { info } = await getMeta(pdf);
  // poppler's pdftotext, as most desktop tools and search indexers read a PDF.
  const popplerText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
  return { text: text as string, popplerText, info: info as Record<string, string>, pages: pdf.numPages };
}

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

  it('shape an Arabic name and an Arabic certificate whose text readers copy and search exactly as written', async () => {
    const { certificate, client } = await issue('علاء عبد الله بنعلي', 'ar');
    await t.jobs.drain();
    const { text, popplerText, info, pages } = await download(client, certificate.id);
    expect(pages).toBe(1);
    expect(info.Title).toBe('الإرشاد الاجتماعي — علاء عبد الله بنعلي');
    // Whole names and labels, letters in order: the text layer used to give "اللة" for "الله"
    // and "تإرتح إلإصدإر" for "تاريخ الإصدار".
    for (const extracted of [text, popplerText]) {
      for (const phrase of ['علاء عبد الله بنعلي', 'الإرشاد الاجتماعي', 'شهادة', 'تُمنح إلى', 'صادرة عن', 'سارية حتى', 'تحقق من هذه الشهادة بمسح الرمز أو عبر الرابط']) {
        expect(extracted).toContain(phrase);
      }
      expect(extracted).toContain(certificate.code);
    }
    // Dates keep their digits in order inside right-to-left lines (2026, not 6202).
    const issued = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(certificate.issuedAt));
    expect(text).toContain(`تاريخ الإصدار ${issued}`);
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
