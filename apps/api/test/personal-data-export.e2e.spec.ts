import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataExportSchema } from '@tadamon/shared';
import { JobHandlerRegistry } from '../src/common/jobs/job-handler.registry.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol } from './support/learning-fixtures.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { getBytes, readZip, uploadPdf } from './personal-data.support.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
let dataDir: string;
let leaderA: TestClient;
let leaderB: TestClient;
const mine = { post: 'Our **own** view on C189', comment: 'Add the ILO reference here', fileId: '', pdf: Buffer.alloc(0) as Buffer, materialId: '', code: '', certificateId: '' };
const theirs = { post: 'Bamako answers: agreed on the plan', comment: 'Too long, shorten it', fileId: '' };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-export-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  w = await createCollaborationWorld(t);
  leaderA = await signedIn(t, w.leaderA);
  leaderB = await signedIn(t, w.leaderB);
  const coordinator = await signedIn(t, w.coordinator);

  // Leader A's own data across features, and leader B's beside it in the same places.
  const uploaded = await uploadPdf(t, leaderA, w.leaderA.email, w.network.id, w.orgA.id, 'Our cistern guide');
  Object.assign(mine, { fileId: uploaded.fileId, pdf: uploaded.pdf, materialId: uploaded.materialId });
  theirs.fileId = (await uploadPdf(t, leaderB, w.leaderB.email, w.network.id, w.orgB.id, 'Their wells guide')).fileId;

  const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'C189 position', body: mine.post });
  expect(thread.status).toBe(201);
  expect((await leaderB.post(`/api/threads/${thread.body.id}/posts`, { body: theirs.post })).status).toBe(201);
  const document = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
    kind: 'LETTER',
    ownerOrganisationId: w.orgA.id,
    language: 'en',
    title: 'Joint letter',
    body: 'We call on the minister to ratify C189.',
    signatoryOrganisationIds: [w.orgB.id],
  });
  expect(document.status).toBe(201);
  for (const [client, body] of [[leaderA, mine.comment], [leaderB, theirs.comment]] as const) {
    expect((await client.post(`/api/documents/${document.body.id}/comments`, { language: 'en', quote: 'ratify C189', body })).status).toBe(201);
  }

  const meeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [w.orgB.id]));
  expect((await leaderA.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).status).toBe(200);
  expect((await leaderB.put(`/api/meetings/${meeting.id}/registration`, { answer: 'MAYBE' })).status).toBe(200);

  const course = await createPublishedCourse(t.prisma, { networkId: w.network.id, title: 'Water safety', modules: [[{ title: 'One' }, { title: 'Two' }]] });
  await completeLesson(leaderA, await enrol(leaderA, course.course.id), course.lessons[0]!.id);

  const type = await coordinator.post(`/api/networks/${w.network.id}/certificate-types`, {
    names: { en: 'Water committee leadership' },
    descriptions: { en: 'Leads a village water committee.' },
    validityMonths: 24,
  });
  expect(type.status).toBe(201);
  for (const [holder, org] of [[w.leaderA, w.orgA], [w.leaderB, w.orgB]] as const) {
    const issued = await coordinator.post('/api/certificates', { certificateTypeId: type.body.id, holderUserId: holder.id, organisationId: org.id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    if (holder === w.leaderA) Object.assign(mine, { code: issued.body.code, certificateId: issued.body.id });
  }
  await t.jobs.drain(60_000);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('downloading all my data', () => {
  let exportId: string;
  let zip: Map<string, Buffer>;

  it('is prepared by a job and announced when ready', async () => {
    const requested = await leaderA.post('/api/me/data-export');
    expect(requested.status).toBe(202);
    const pending = dataExportSchema.parse(requested.body);
    exportId = pending.id;
    // Asking twice while it is being prepared answers the same export.
    expect((await leaderA.post('/api/me/data-export')).body.id).toBe(exportId);

    await t.jobs.drain(60_000);
    const listed = await leaderA.get('/api/me/data-exports');
    const ready = dataExportSchema.parse(listed.body.items[0]);
    expect(ready).toMatchObject({ id: exportId, status: 'READY', downloadPath: `/api/me/data-export/${exportId}` });
    const days = (Date.parse(ready.expiresAt!) - Date.parse(ready.readyAt!)) / 86_400_000;
    expect(days).toBe(7);

    const notifications = await leaderA.get('/api/me/notifications');
    expect(notifications.body.items.map((n: { kind: string }) => n.kind)).toContain('dataExportReady');
    expect((await leaderB.get('/api/me/notifications')).body.items.map((n: { kind: string }) => n.kind)).not.toContain('dataExportReady');
  }, 60_000);

  it('is a ZIP with JSON of everything that is mine and my files, certificates as PDF and credential', async () => {
    const download = await getBytes(leaderA, `/api/me/data-export/${exportId}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="tadamon-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    zip = await readZip(download.body as Buffer);
    const json = (name: string) => JSON.parse(zip.get(name)!.toString('utf8'));

    expect(json('profile.json')).toMatchObject({ id: w.leaderA.id, email: w.leaderA.email, name: w.leaderA.name });
    expect(json('memberships.json').organisations).toMatchObject([{ role: 'ORG_LEADER', organisation: { id: w.orgA.id, name: 'Org A' } }]);
    expect(json('posts.json').posts.map((p: { body: string }) => p.body)).toEqual([mine.post]);
    expect(json('comments.json').map((c: { body: string }) => c.body)).toEqual([mine.comment]);
    expect(json('meetings.json').registrations).toMatchObject([{ answer: 'YES' }]);
    const learning = json('learning.json');
    expect(learning.enrolments).toHaveLength(1);
    expect(learning.enrolments[0].course.titles).toEqual({ en: 'Water safety' });
    expect(learning.enrolments[0].lessons.filter((l: { status: string }) => l.status === 'COMPLETED')).toHaveLength(1);

    const uploads = json('uploads.json');
    expect(uploads.map((u: { id: string }) => u.id)).toEqual([mine.fileId]);
    expect(zip.get(uploads[0].archivePath)!.equals(mine.pdf)).toBe(true);

    const certificates = json('certificates.json');
    expect(certificates.map((c: { code: string }) => c.code)).toEqual([mine.code]);
    expect(zip.get(`certificates/${mine.code}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-');
    const credential = await leaderA.get(`/api/me/certificates/${mine.certificateId}/credential`);
    expect(JSON.parse(zip.get(`certificates/${mine.code}.credential.json`)!.toString())).toEqual(credential.body);
  });

  it('holds nothing of anyone else', async () => {
    const text = [...zip.entries()].filter(([name]) => name.endsWith('.json')).map(([, bytes]) => bytes.toString('utf8')).join('\n');
    for (const foreign of [w.leaderB.email, w.leaderB.name, w.volunteerA.email, theirs.post, theirs.comment, theirs.fileId, w.leaderB.id]) {
      expect(text, foreign).not.toContain(foreign);
    }
    const names = [...zip.keys()];
    expect(names.filter((n) => n.startsWith('files/'))).toEqual([expect.stringContaining(mine.fileId)]);
    expect(names.filter((n) => n.startsWith('certificates/')).sort()).toEqual([`certificates/${mine.code}.credential.json`, `certificates/${mine.code}.pdf`]);
  });

  it('cannot be downloaded by anyone else (404) or without signing in (401)', async () => {
    expect((await leaderB.get(`/api/me/data-export/${exportId}`)).status).toBe(404);
    expect((await (await signedIn(t, w.coordinator)).get(`/api/me/data-export/${exportId}`)).status).toBe(404);
    expect((await t.client().get(`/api/me/data-export/${exportId}`)).status).toBe(401);
    expect((await leaderB.get('/api/me/data-exports')).body.items).toEqual([]);
  });

  it('is gone once it has expired: the hourly cleanup deletes the file and its row', async () => {
    const stored = join(dataDir, 'materials', 'personal-data-exports', exportId);
    expect((await stat(stored)).size).toBeGreaterThan(0);
    await t.prisma.personalDataExport.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const answer = await leaderA.get(`/api/me/data-export/${exportId}`);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('DATA_EXPORT_NOT_READY');

    await t.app.get(JobHandlerRegistry).dispatch('personal-data.cleanup-exports', {});
    await expect(stat(stored)).rejects.toThrow(/ENOENT/);
    expect(await t.prisma.personalDataExport.count({ where: { id: exportId } })).toBe(0);
    expect((await leaderA.get('/api/me/data-exports')).body.items).toEqual([]);
    expect((await leaderA.get(`/api/me/data-export/${exportId}`)).status).toBe(404);
  });
});

describe('an export request and its job in one transaction (outbox)', () => {
  it('a request whose transaction fails leaves no export stuck “being prepared”; asked again, the export and its job commit together and it becomes ready', async () => {
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await leaderB.post('/api/me/data-export');
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect((await leaderB.get('/api/me/data-exports')).body.items).toEqual([]);

    await recordTransactions(t.prisma, ['PersonalDataExport', 'Notification']);
    const requested = await leaderB.post('/api/me/data-export');
    expect(requested.status).toBe(202);
    const id = requested.body.id as string;
    const [created] = await writers(t.prisma, 'PersonalDataExport', id);
    expect(await jobsWrittenBy(t.prisma, [created!])).toEqual([`personal-data-export:${id}`]);
    await t.jobs.drain(60_000);
    expect((await leaderB.get('/api/me/data-exports')).body.items[0]).toMatchObject({ id, status: 'READY' });
    // "Ready" and its notice were written together.
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: `data-export:${id}`, userId: w.leaderB.id } });
    const marked = (await writers(t.prisma, 'PersonalDataExport', id)).slice(-1);
    expect(await writers(t.prisma, 'Notification', notice.id)).toContain(marked[0]);
  });
});
