import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../common/config/config.js';
import { RestoreRefused } from './backup-manifest.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

/**
 * `pnpm backup [--out FILE]` and `pnpm restore FILE [--force]`, against the system the
 * environment describes (DATABASE_URL, DATA_DIR, STORAGE_DRIVER and S3_*, as for the API).
 * PG_BIN_DIR picks the folder of pg_dump/pg_restore (default: PATH).
 * Exit codes: 0 done, 1 failed (nothing changed on restore), 2 refused (nothing changed).
 */
const usage = `Usage:
  pnpm backup [--out tadamon-backup-YYYYMMDD-HHMMSS.zip]
  pnpm restore ARCHIVE.zip [--force]`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.error('DATABASE_URL: required (for the embedded database, see "Backup and restore" in the README).');
    return 1;
  }
  const log = (message: string) => console.error(message);
  const pgBinDir = process.env.PG_BIN_DIR || undefined;
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const out = values.out ?? `tadamon-backup-${stamp}.zip`;
    const manifest = await createBackup({ config, databaseUrl: config.DATABASE_URL, out, pgBinDir, log });
    console.log(`${out}: ${manifest.entries.length} entries (database dump and ${manifest.entries.length - 1} files)`);
    return 0;
  }
  if (command === 'restore' && positionals.length === 1) {
    const manifest = await restoreBackup({
      config,
      databaseUrl: config.DATABASE_URL,
      archive: positionals[0]!,
      force: values.force,
      pgBinDir,
      log,
    });
    console.log(`Restored the backup of ${manifest.createdAt} (${manifest.entries.length - 1} files).`);
    return 0;
  }
  console.error(usage);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RestoreRefused || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(error instanceof RestoreRefused ? 2 : 1);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
