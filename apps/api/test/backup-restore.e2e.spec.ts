import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBackup } from '../src/backup/backup.js';
import { restoreBackup } from '../src/backup/restore.js';
import { RestoreRefused } from '../src/backup/backup-manifest.js';
import { createHttpApp } from '../src/app/create-http-app.js';
import type { AppConfig } from '../src/common/config/config.js';
import { offlineDocumentLoader } from '@tadamon/credentials';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser } from './support/factories.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol } from './support/learning-fixtures.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import { TEST_DATABASE_SERVER_URL, databaseUrl } from './support/test-env.js';
import { TestClient } from './support/test-client.js';
import { PrismaService } from '../src/common/database/prisma.service.js';
import { LiveClient, fetchContent, makePdf } from './materials.support.js';

const PUBLIC = 'http://tadamon.test';
let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let dataDir: string;
let work: string;
let archive: string;
let restoredUrl: string;
let restoredConfig: AppConfig;
let restoredApp: NestFastifyApplication | undefined;
/** The rows as backed up (the source changes afterwards: people sign in). */
let backedUp: Record<string, string[]>;
const made = { certificateCode: '', certificateId: '', credential: {} as object, fileId: '', pdf: Buffer.alloc(0) as Buffer, holderEmail: '' };

/** Every row of every table, as PostgreSQL prints it, sorted: two databases hold the same data iff these are equal. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const rows: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t ORDER BY 1`);
      rows[name] = result.rows.map((r) => r.row);
    }
    return rows;
  } finally {
    await client.end();
  }
}

async function filesUnder(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path));
  }
  return files;
}

const storedFiles = async (dir: string) => ({
  materials: new Map([...(await filesUnder(join(dir, 'materials')))].filter(([key]) => !key.startsWith('personal-data-exports/'))),
  certificates: await filesUnder(join(dir, 'certificates')),
});

async function databasesLike(pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_SERVER_URL });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [pattern])).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/** Fills a system through the API: a material with a PDF, a course with progress, a certificate, a meeting, a joint document. */
async function fill() {
  const coordinator = await signedIn(t, w.coordinator);
  const material = await coordinator.post('/api/materials', {
    networkId: w.network.id,
    kind: 'DOCUMENT',
    standardTopic: 'FIRST_AID',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    translation: { language: 'en', title: 'Cistern maintenance' },
  });
  expect(material.status).toBe(201);
  made.pdf = makePdf(['Cisterns and rainwater harvesting for villages'], 50_000);
  const live = await LiveClient.signedIn(t, w.coordinator.email);
  const uploaded = await live.upload(material.body.translations[0].id, 'cisterns.pdf', made.pdf);
  expect(uploaded.status, uploaded.body).toBe(204);
  made.fileId = uploaded.fileId!;

  const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.orgA.id, name: 'فاطمة الزهراء بنعلي' });
  made.holderEmail = holder.email;
  const learner = await signedIn(t, holder);
  const course = await createPublishedCourse(t.prisma, { networkId: w.network.id, modules: [[{ title: 'One' }, { title: 'Two' }]] });
  const enrolmentId = await enrol(learner, course.course.id);
  await completeLesson(learner, enrolmentId, course.lessons[0]!.id);

  const type = await coordinator.post(`/api/networks/${w.network.id}/certificate-types`, {
    names: { en: 'Legal counselling', fr: 'Conseil juridique' },
    descriptions: { en: 'Gives first legal advice.' },
    validityMonths: 24,
  });
  expect(type.status).toBe(201);
  const leaderA = await signedIn(t, w.leaderA);
  const issued = await leaderA.post('/api/certificates', { certificateTypeId: type.body.id, holderUserId: holder.id, organisationId: w.orgA.id });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  made.certificateId = issued.body.id;
  made.certificateCode = issued.body.code;
  const credential = await learner.get(`/api/me/certificates/${made.certificateId}/credential`);
  expect(credential.status).toBe(200);
  made.credential = credential.body;
  expect((await learner.get(`/api/me/certificates/${made.certificateId}/pdf`)).status).toBe(200);

  const meeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [w.orgB.id]));
  expect((await learner.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).status).toBe(200);

  const document = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'LETTER',
    ownerOrganisationId: w.orgA.id,
    language: 'en',
    title: 'Joint letter on domestic work',
    body: 'We call on the minister to ratify C189.',
    signatoryOrganisationIds: [w.orgB.id],
  });
  expect(document.status).toBe(201);
  const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Next steps', body: 'Who writes to the **ministry**?' });
  expect(thread.status).toBe(201);
  // A prepared personal-data export: temporary, so neither its ZIP nor its row is backed up.
  expect((await learner.post('/api/me/data-export')).status).toBe(202);
  await t.jobs.drain(60_000);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tadamon-backup-test-'));
  dataDir = join(work, 'source');
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  w = await createCollaborationWorld(t);
  await fill();
  archive = join(work, 'archives', 'tadamon.zip');
  restoredUrl = databaseUrl(`tadamon_t_${randomBytes(6).toString('hex')}`);
  restoredConfig = { ...t.config, DATABASE_URL: restoredUrl, DATA_DIR: join(work, 'restored') };
}, 180_000);

afterAll(async () => {
  await restoredApp?.close();
  await t?.close();
  const client = new pg.Client({ connectionString: TEST_DATABASE_SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(restoredUrl).pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up the database and every stored file into one archive with a checksum manifest', async () => {
    const manifest = await createBackup({ config: t.config, databaseUrl: t.databaseUrl, out: archive });
    const paths = manifest.entries.map((e) => e.path);
    expect(paths[0]).toBe('database.dump');
    const source = await storedFiles(dataDir);
    expect(source.materials.size).toBeGreaterThanOrEqual(2); // the PDF and its thumbnail
    expect(source.certificates.size).toBe(1);
    expect(paths.slice(1).sort()).toEqual(
      [...[...source.materials.keys()].map((k) => `files/materials/${k}`), ...[...source.certificates.keys()].map((k) => `files/certificates/${k}`)].sort(),
    );
    expect(manifest.lastMigration).toMatch(/^\d{14}_/);
    expect((await filesUnder(join(dataDir, 'materials', 'personal-data-exports'))).size).toBe(1);
    expect(paths.filter((p) => p.includes('personal-data-exports'))).toEqual([]);
    // Nothing staged is left beside the archive.
    expect(await readdir(join(work, 'archives'))).toEqual(['tadamon.zip']);
  }, 120_000);

  it('restores into an empty database and storage: every row and every file byte for byte', async () => {
    await restoreBackup({ config: restoredConfig, databaseUrl: restoredUrl, archive });
    const [before, after] = [await everyRow(t.databaseUrl), await everyRow(restoredUrl)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before.PersonalDataExport).toHaveLength(1);
    expect(after.PersonalDataExport).toEqual([]);
    backedUp = { ...after };
    delete before.PersonalDataExport;
    delete after.PersonalDataExport;
    for (const table of ['User', 'Material', 'MaterialFile', 'CourseEnrolment', 'Certificate', 'Meeting', 'MeetingRegistration', 'JointDocument', 'DiscussionPost']) {
      expect(before[table]?.length, table).toBeGreaterThan(0);
    }
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    const [source, restored] = [await storedFiles(dataDir), await storedFiles(restoredConfig.DATA_DIR)];
    expect([...restored.materials.keys()].sort()).toEqual([...source.materials.keys()].sort());
    for (const [key, bytes] of source.materials) expect(restored.materials.get(key)!.equals(bytes), key).toBe(true);
    expect([...restored.certificates.keys()]).toEqual([...source.certificates.keys()]);
    for (const [key, bytes] of source.certificates) expect(restored.certificates.get(key)!.equals(bytes), key).toBe(true);
    expect((await readdir(restoredConfig.DATA_DIR)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await databasesLike(`${new URL(restoredUrl).pathname.slice(1)}_%`)).toEqual([]);
  }, 120_000);

  it('an API started on the restored system signs people in, serves their files and verifies the credential', async () => {
    restoredApp = await createHttpApp({ config: restoredConfig, databaseUrl: restoredUrl, consumeJobs: false, redisPrefix: `tadamon-test-${randomBytes(4).toString('hex')}` });
    await restoredApp.getHttpAdapter().getInstance().ready();
    // With the restored database, so a coordinator's second factor is passed as in every test.
    const client = () => new TestClient(restoredApp!.getHttpServer(), restoredApp!.get(PrismaService));

    const holder = client();
    await holder.signIn(made.holderEmail, TEST_PASSWORD);
    const credential = await holder.get(`/api/me/certificates/${made.certificateId}/credential`);
    expect(credential.body).toEqual(made.credential);
    const pdf = await holder.get(`/api/me/certificates/${made.certificateId}/pdf`).buffer(true);
    expect(pdf.status).toBe(200);

    const verified = await client().get(`/api/verify/${made.certificateCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'valid', holderName: 'فاطمة الزهراء بنعلي' });

    // An independent verifier, resolving the issuer's key from the restored system.
    const documentLoader = offlineDocumentLoader(async (url) => {
      if (!url.startsWith(`${PUBLIC}/api/`)) return undefined;
      const [base, fragment] = url.split('#');
      const response = await client().get(base!.slice(PUBLIC.length));
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      if (!fragment) return response.body;
      const key = response.body.assertionMethod.find((m: { id: string }) => m.id === url);
      return key && { '@context': 'https://w3id.org/security/multikey/v1', ...key };
    });
    const result = await vc.verifyCredential({
      credential: credential.body,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus,
    });
    expect(result.verified, JSON.stringify(result.error)).toBe(true);

    const coordinator = client();
    await coordinator.signIn(w.coordinator.email, TEST_PASSWORD);
    const download = await fetchContent(coordinator, `/api/material-files/${made.fileId}/content`);
    expect(download.status).toBe(200);
    expect(download.body.equals(made.pdf)).toBe(true);
  }, 60_000);
});

describe('a restore is safe', () => {
  it('refuses a system that holds data unless forced, and changes nothing', async () => {
    const before = await everyRow(t.databaseUrl);
    await expect(restoreBackup({ config: t.config, databaseUrl: t.databaseUrl, archive })).rejects.toThrow(RestoreRefused);
    expect(await everyRow(t.databaseUrl)).toEqual(before);
    // The running API still answers: its database was never touched.
    expect((await (await signedIn(t, w.leaderA)).get('/api/me/profile')).status).toBe(200);
  });

  it('refuses a damaged archive before touching the target', async () => {
    const damaged = join(work, 'damaged.zip');
    const zip = new yazl.ZipFile();
    const source = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.open(archive, { lazyEntries: false, autoClose: false }, (e, z) => (e ? fail(e) : ok(z))));
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((ok) => {
      source.on('entry', (entry: yauzl.Entry) => entries.push(entry));
      source.on('end', () => ok());
    });
    for (const entry of entries) {
      const chunks: Buffer[] = [];
      const stream = await new Promise<NodeJS.ReadableStream>((ok, fail) => source.openReadStream(entry, (e, s) => (e ? fail(e) : ok(s))));
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      if (entry.fileName.startsWith('files/certificates/')) bytes[bytes.length >> 1] ^= 0x01; // one bit flipped
      zip.addBuffer(bytes, entry.fileName);
    }
    source.close();
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(damaged));

    const target = databaseUrl(`tadamon_t_${randomBytes(6).toString('hex')}`);
    const targetDir = join(work, 'damaged-target');
    await expect(restoreBackup({ config: { ...t.config, DATA_DIR: targetDir }, databaseUrl: target, archive: damaged })).rejects.toThrow(
      /does not match its checksum/,
    );
    expect(await databasesLike(`${new URL(target).pathname.slice(1)}%`)).toEqual([]);
    expect(await readdir(targetDir)).toEqual([]);
  }, 60_000);

  it('a restore that fails half-way (pg_restore dies) leaves a forced target exactly as it was', async () => {
    await restoredApp?.close();
    restoredApp = undefined;
    const failing = join(work, 'failing-bin');
    await rm(failing, { recursive: true, force: true });
    await mkdir(failing);
    // The real pg_restore does its work, then the process "crashes".
    await writeFile(join(failing, 'pg_restore'), '#!/bin/sh\npg_restore "$@"\nexit 3\n');
    await chmod(join(failing, 'pg_restore'), 0o755);

    const rowsBefore = await everyRow(restoredUrl);
    const filesBefore = await storedFiles(restoredConfig.DATA_DIR);
    await expect(restoreBackup({ config: restoredConfig, databaseUrl: restoredUrl, archive, force: true, pgBinDir: failing })).rejects.toThrow(
      /pg_restore failed \(exit 3\)/,
    );
    expect(await everyRow(restoredUrl)).toEqual(rowsBefore);
    expect(await storedFiles(restoredConfig.DATA_DIR)).toEqual(filesBefore);
    expect(await databasesLike(`${new URL(restoredUrl).pathname.slice(1)}_%`)).toEqual([]);
    expect((await readdir(restoredConfig.DATA_DIR)).filter((n) => n.startsWith('.'))).toEqual([]);

    // Forced with working tools, the same target is replaced and again equals the source.
    await restoreBackup({ config: restoredConfig, databaseUrl: restoredUrl, archive, force: true });
    expect(await everyRow(restoredUrl)).toEqual(backedUp);
  }, 120_000);
});
