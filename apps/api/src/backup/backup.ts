import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { AppConfig } from '../common/config/config.js';
import { DATABASE_ENTRY, MANIFEST_NAME, sha256OfFile, type BackupManifest } from './backup-manifest.js';
import { fileAreasOf } from './file-areas.js';
import { runPgTool, withClient } from './postgres-tools.js';

export interface BackupOptions {
  config: AppConfig;
  databaseUrl: string;
  /** The archive to write (a .zip); written under a temporary name and renamed when complete. */
  out: string;
  pgBinDir?: string;
  log?: (message: string) => void;
}

/**
 * One ZIP: `manifest.json` (sha256 and size of every other entry), `database.dump`
 * (pg_dump custom format) and `files/<area>/<key>` for every stored file. The database is
 * dumped first and the files copied after, so every file a row names is in the archive (file
 * versions never change once stored; a file added meanwhile is carried along unreferenced).
 * Everything is staged beside the archive first, so the manifest is written from what the
 * archive really holds.
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), '.tadamon-backup-'));
  try {
    const paths: string[] = [DATABASE_ENTRY];
    log('Dumping the database');
    await runPgTool(
      'pg_dump',
      [
        '--format=custom',
        // Export ZIPs are not backed up, so neither are their rows (a restored row would offer a missing file).
        '--exclude-table-data="PersonalDataExport"',
        `--file=${join(staging, DATABASE_ENTRY)}`,
        `--dbname=${options.databaseUrl}`,
      ],
      options.pgBinDir,
    );
    const lastMigration = await withClient(options.databaseUrl, async (client) => {
      const found = await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`,
      );
      return found.rows[0]?.name ?? null;
    }).catch(() => null);

    for (const area of fileAreasOf(options.config)) {
      const keys = await area.keys();
      log(`Copying ${keys.length} file(s) of ${area.name}`);
      for (const key of keys) {
        const path = `files/${area.name}/${key}`;
        const target = join(staging, path);
        await mkdir(dirname(target), { recursive: true });
        await pipeline(await area.read(key), createWriteStream(target));
        paths.push(path);
      }
    }

    const entries = [];
    for (const path of paths) {
      const file = join(staging, path);
      entries.push({ path, size: (await stat(file)).size, sha256: await sha256OfFile(file) });
    }
    const manifest: BackupManifest = {
      format: 'tadamon-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      lastMigration,
      entries,
    };

    log('Writing the archive');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_NAME);
    // The dump is compressed already, and most files are PDFs, pictures and videos.
    for (const entry of entries) zip.addFile(join(staging, entry.path), entry.path, { compress: false });
    zip.end();
    const partial = `${out}.partial`;
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, out);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
