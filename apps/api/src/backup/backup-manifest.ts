import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

export const MANIFEST_NAME = 'manifest.json';
export const DATABASE_ENTRY = 'database.dump';

/** `database.dump`, or `files/<area>/<key>` with the storage drivers' key alphabet. */
export const ENTRY_PATH = /^(database\.dump|files\/(materials|certificates)\/[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*)$/;

export const manifestSchema = z.strictObject({
  format: z.literal('tadamon-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** The newest applied migration of the backed-up database (restore into code that knows it). */
  lastMigration: z.string().nullable(),
  entries: z.array(
    z.strictObject({
      path: z.string().regex(ENTRY_PATH),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A restore that must not go ahead; nothing was changed. */
export class RestoreRefused extends Error {}
