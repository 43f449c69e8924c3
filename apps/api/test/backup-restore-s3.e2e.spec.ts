import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../src/backup/backup.js';
import { restoreBackup } from '../src/backup/restore.js';
import { S3FileArea } from '../src/backup/file-areas.js';
import type { AppConfig } from '../src/common/config/config.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { signedIn } from './support/collaboration-world.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { TEST_DATABASE_SERVER_URL, databaseUrl } from './support/test-env.js';
import { LiveClient, makePdf } from './materials.support.js';

/** The same backup and restore with the library's files in an S3 bucket. */
let t: TestApp;
let source: S3TestServer;
const targets: S3TestServer[] = [];
let work: string;
let archive: string;
const databases: string[] = [];

const configFor = (s3: S3TestServer, dataDir: string, url: string): AppConfig => ({
  ...t.config,
  DATABASE_URL: url,
  DATA_DIR: dataDir,
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: s3.bucket,
});

async function objects(config: AppConfig): Promise<Map<string, Buffer>> {
  const area = new S3FileArea('materials', config, 'materials/');
  const found = new Map<string, Buffer>();
  for (const key of await area.keys()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await area.read(key)) as Readable) chunks.push(chunk as Buffer);
    found.set(key, Buffer.concat(chunks));
  }
  return found;
}

async function rowsOf(url: string, table: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t ORDER BY 1`)).rows.map((r) => r.row);
  } finally {
    await client.end();
  }
}

const freshDatabase = () => {
  const name = `tadamon_t_${randomBytes(6).toString('hex')}`;
  databases.push(name);
  return databaseUrl(name);
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tadamon-backup-s3-'));
  source = await startS3TestServer();
  t = await startTestApp({ DATA_DIR: join(work, 'source'), ...source.env });
  await t.app.listen(0, '127.0.0.1');
  const world = await createWorld(t.prisma);
  const coordinator = await signedIn(t, world.coordinator);
  const material = await coordinator.post('/api/materials', {
    networkId: world.network.id,
    kind: 'DOCUMENT',
    standardTopic: 'FIRST_AID',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    translation: { language: 'en', title: 'Wells' },
  });
  const live = await LiveClient.signedIn(t, world.coordinator.email);
  const uploaded = await live.upload(material.body.translations[0].id, 'wells.pdf', makePdf(['Wells and pumps'], 30_000));
  expect(uploaded.status, uploaded.body).toBe(204);
  await t.jobs.drain(60_000);
  archive = join(work, 'tadamon.zip');
}, 120_000);

afterAll(async () => {
  await t?.close();
  for (const s3 of [source, ...targets]) await s3?.close();
  const client = new pg.Client({ connectionString: TEST_DATABASE_SERVER_URL });
  await client.connect();
  for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore with S3 storage', () => {
  it('backs up every object of the bucket and restores them byte for byte into a fresh bucket', async () => {
    const manifest = await createBackup({ config: t.config, databaseUrl: t.databaseUrl, out: archive });
    const stored = await objects(t.config);
    expect(stored.size).toBeGreaterThanOrEqual(2); // the PDF and its thumbnail
    expect(manifest.entries.filter((e) => e.path.startsWith('files/materials/')).map((e) => e.path.slice('files/materials/'.length)).sort()).toEqual(
      [...stored.keys()].sort(),
    );

    const target = await startS3TestServer();
    targets.push(target);
    const config = configFor(target, join(work, 'restored'), freshDatabase());
    await restoreBackup({ config, databaseUrl: config.DATABASE_URL!, archive });
    const restored = await objects(config);
    expect([...restored.keys()]).toEqual([...stored.keys()]);
    for (const [key, bytes] of stored) expect(restored.get(key)!.equals(bytes), key).toBe(true);
    for (const table of ['Material', 'MaterialFile', 'MaterialFileDerivative']) {
      expect(await rowsOf(config.DATABASE_URL!, table), table).toEqual(await rowsOf(t.databaseUrl, table));
    }
  }, 120_000);

  it('a restore that fails after the objects were uploaded removes them again', async () => {
    const failing = join(work, 'failing-bin');
    await mkdir(failing, { recursive: true });
    await writeFile(join(failing, 'pg_restore'), '#!/bin/sh\nexit 1\n');
    await chmod(join(failing, 'pg_restore'), 0o755);
    const target = await startS3TestServer();
    targets.push(target);
    const config = configFor(target, join(work, 'failed'), freshDatabase());
    const steps: string[] = [];
    await expect(restoreBackup({ config, databaseUrl: config.DATABASE_URL!, archive, pgBinDir: failing, log: (m) => steps.push(m) })).rejects.toThrow(
      /pg_restore failed/,
    );
    // The objects had been uploaded (files are staged before the database), and are gone again.
    expect(steps.slice(0, 3)).toEqual(['Checking the archive', 'Staging the files', 'Restoring the database into a temporary database']);
    expect(await target.keys()).toEqual([]);
    expect(await readdir(config.DATA_DIR)).toEqual([]);
  }, 60_000);
});
