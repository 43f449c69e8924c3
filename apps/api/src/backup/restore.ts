import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { AppConfig } from '../common/config/config.js';
import {
  DATABASE_ENTRY,
  ENTRY_PATH,
  MANIFEST_NAME,
  RestoreRefused,
  manifestSchema,
  type BackupManifest,
} from './backup-manifest.js';
import { fileAreasOf, type AreaRestorer } from './file-areas.js';
import {
  databaseExists,
  databaseIsEmpty,
  databaseNameOf,
  quoteIdent,
  runPgTool,
  withClient,
  withDatabase,
} from './postgres-tools.js';

export interface RestoreOptions {
  config: AppConfig;
  databaseUrl: string;
  archive: string;
  /** Replace a system that already holds data. */
  force?: boolean;
  pgBinDir?: string;
  log?: (message: string) => void;
}

/**
 * Restores an archive made by `createBackup` into the configured database and storage.
 *
 * Order, so that a failure at any step leaves the target as it was:
 * 1. every entry is extracted to a staging folder inside DATA_DIR and checked against the
 *    manifest (sha256, size, no entry missing or extra) — nothing is touched before this;
 * 2. the target must be empty (no row in any table, no stored file) unless `force`;
 * 3. S3 files are uploaded (local files stay staged), and the dump is restored into a new
 *    temporary database on the same server;
 * 4. the swap: the target database is renamed away and the temporary one takes its name, the
 *    staged folders are renamed into place; any failure renames everything back;
 * 5. only then are the replaced database and folders dropped.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const token = randomBytes(4).toString('hex');
  const targetName = databaseNameOf(options.databaseUrl);
  const temporaryName = `${targetName.slice(0, 45)}_restore_${token}`;
  const replacedName = `${targetName.slice(0, 44)}_replaced_${token}`;
  const staging = join(options.config.DATA_DIR, `.restore-${token}`);
  const areas = fileAreasOf(options.config);
  const restorers: AreaRestorer[] = areas.map((area) => area.restorer(join(staging, 'files', area.name), token));
  let temporaryCreated = false;
  let renamedTarget = false;
  let renamedTemporary = false;
  const committed: AreaRestorer[] = [];
  const prepared: AreaRestorer[] = [];
  let manifest: BackupManifest;

  try {
    log('Checking the archive');
    manifest = await extractVerified(options.archive, staging);

    if (!options.force) {
      const emptyDatabase = await databaseIsEmpty(options.databaseUrl);
      const storedFiles = await Promise.all(areas.map(async (area) => (await area.keys()).length));
      if (!emptyDatabase || storedFiles.some((n) => n > 0)) {
        throw new RestoreRefused(
          'The target system is not empty (its database has rows or its storage has files); nothing was changed. ' +
            'Use --force to replace it.',
        );
      }
    }

    log('Staging the files');
    for (const restorer of restorers) {
      prepared.push(restorer);
      await restorer.prepare();
    }

    log('Restoring the database into a temporary database');
    await withClient(withDatabase(options.databaseUrl), (client) =>
      client.query(`CREATE DATABASE ${quoteIdent(temporaryName)} TEMPLATE template0`),
    );
    temporaryCreated = true;
    await runPgTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${withDatabase(options.databaseUrl, temporaryName)}`, join(staging, DATABASE_ENTRY)],
      options.pgBinDir,
    );

    log('Putting the restored system in place');
    await withClient(withDatabase(options.databaseUrl), async (client) => {
      if (await databaseExists(options.databaseUrl)) {
        // Nobody may stay connected to a database that is renamed away (stop the API first).
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [targetName]);
        await client.query(`ALTER DATABASE ${quoteIdent(targetName)} RENAME TO ${quoteIdent(replacedName)}`);
        renamedTarget = true;
      }
      await client.query(`ALTER DATABASE ${quoteIdent(temporaryName)} RENAME TO ${quoteIdent(targetName)}`);
      renamedTemporary = true;
    });
    for (const restorer of restorers) {
      await restorer.commit();
      committed.push(restorer);
    }
  } catch (error) {
    await rollBack().catch((rollbackError) => log(`Rolling back failed too: ${String(rollbackError)}`));
    throw error;
  }

  log('Removing what was replaced');
  if (renamedTarget) {
    await withClient(withDatabase(options.databaseUrl), (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(replacedName)} WITH (FORCE)`));
  }
  for (const restorer of restorers) await restorer.cleanup();
  await rm(staging, { recursive: true, force: true });
  return manifest;

  async function rollBack() {
    for (const restorer of committed.reverse()) await restorer.rollback();
    for (const restorer of prepared.reverse()) if (!committed.includes(restorer)) await restorer.rollback();
    await withClient(withDatabase(options.databaseUrl), async (client) => {
      if (renamedTemporary) await client.query(`ALTER DATABASE ${quoteIdent(targetName)} RENAME TO ${quoteIdent(temporaryName)}`);
      if (renamedTarget) await client.query(`ALTER DATABASE ${quoteIdent(replacedName)} RENAME TO ${quoteIdent(targetName)}`);
      if (temporaryCreated) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(temporaryName)} WITH (FORCE)`);
    });
    await rm(staging, { recursive: true, force: true });
  }
}

/** Extracts every entry under `dir`, hashing as it goes, and checks the lot against the manifest. */
async function extractVerified(archive: string, dir: string): Promise<BackupManifest> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(archive, { lazyEntries: true, autoClose: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const found = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | undefined;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        const name = entry.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (name !== MANIFEST_NAME && !ENTRY_PATH.test(name)) throw new RestoreRefused(`The archive holds an unexpected entry ${JSON.stringify(name)}.`);
        if (found.has(name) || (name === MANIFEST_NAME && manifestText !== undefined)) throw new RestoreRefused(`The archive holds ${name} twice.`);
        const stream = await new Promise<NodeJS.ReadableStream>((ok, fail) =>
          zip.openReadStream(entry, (error, s) => (error ? fail(error) : ok(s))),
        );
        if (name === MANIFEST_NAME) {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          manifestText = Buffer.concat(chunks).toString('utf8');
        } else {
          const hash = createHash('sha256');
          let size = 0;
          const counting = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              hash.update(chunk);
              size += chunk.length;
              done(null, chunk);
            },
          });
          const target = join(dir, name);
          await mkdir(dirname(target), { recursive: true });
          await pipeline(stream, counting, createWriteStream(target));
          found.set(name, { size, sha256: hash.digest('hex') });
        }
        zip.readEntry();
      })().catch((error) => {
        zip.close();
        reject(error);
      });
    });
    zip.readEntry();
  });

  if (manifestText === undefined) throw new RestoreRefused('The archive has no manifest.json.');
  const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
  if (!parsed.success) throw new RestoreRefused('The archive’s manifest.json is not a Tadamon backup manifest.');
  const manifest = parsed.data;
  const listed = new Set(manifest.entries.map((e) => e.path));
  if (!listed.has(DATABASE_ENTRY)) throw new RestoreRefused('The manifest lists no database dump.');
  for (const entry of manifest.entries) {
    const actual = found.get(entry.path);
    if (!actual) throw new RestoreRefused(`${entry.path} is listed in the manifest but missing from the archive.`);
    if (actual.size !== entry.size || actual.sha256 !== entry.sha256) {
      throw new RestoreRefused(`${entry.path} does not match its checksum in the manifest: the archive is damaged.`);
    }
  }
  for (const name of found.keys()) {
    if (!listed.has(name)) throw new RestoreRefused(`${name} is in the archive but not in the manifest.`);
  }
  return manifest;
}
