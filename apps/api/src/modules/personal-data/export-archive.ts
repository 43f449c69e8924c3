import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface ArchiveFile {
  path: string;
  open: () => Promise<Readable> | Readable;
}

/** JSON that survives BigInt columns (file sizes) and stays readable. */
export function toJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 2));
}

/** A name safe in any ZIP tool and file system; the original stays in the JSON beside it. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return cleaned || 'file';
}

const README = `This archive holds the personal data Tadamon keeps about you.

profile.json        your account: name, e-mail, phone, username, language, time zone
memberships.json    your organisations, networks and working groups
learning.json       your courses: enrolments, lesson progress, quiz attempts, sign-offs
certificates.json   your certificates; certificates/ holds each one's PDF and signed credential
posts.json          discussion threads you started and posts you wrote
comments.json       your comments on joint documents
meetings.json       your meeting registrations, poll answers and attendance
notifications.json  notifications you received
sessions.json       your sign-ins (browser and address)
demographics.json   the gender and age band you chose to give, and when you consented (null: none)
uploads.json        files you uploaded to the library; files/ holds their bytes
`;

/**
 * Writes the ZIP to `target`: JSON files first (small), then the files, streamed one after
 * the other so memory stays flat however large the uploads are.
 */
export async function writeExportArchive(target: string, json: Record<string, unknown>, files: ArchiveFile[]): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(README), 'README.txt');
  for (const [name, value] of Object.entries(json)) zip.addBuffer(toJson(value), `${name}.json`);
  const written = pipeline(zip.outputStream, createWriteStream(target));
  for (const file of files) {
    const stream = await file.open();
    // yazl reads the streams in order; waiting for each keeps one file open at a time.
    const done = new Promise<void>((resolve, reject) => {
      stream.once('end', resolve);
      stream.once('error', reject);
    });
    zip.addReadStream(stream, file.path, { compress: false });
    await done;
  }
  zip.end();
  await written;
}
