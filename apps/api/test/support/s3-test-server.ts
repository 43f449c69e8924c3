import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible HTTP server in the test process: s3rver, on a free port, storing into a
 * temporary folder. Like S3 it refuses a presigned URL once it has expired; unlike S3 it does
 * not verify SigV4 signatures, nor keep anonymous readers out (so tests do not rely on that).
 *
 * s3rver 3.7 lacks three multipart calls that @tus/s3-store needs (ListParts to resume,
 * ListMultipartUploads and AbortMultipartUpload for the cleanup of abandoned uploads). They are
 * added below over s3rver's own on-disk layout (`<bucket>/._S3rver_uploads/<uploadId>/`, one
 * file per part with its MD5 beside it).
 */
export interface S3TestServer {
  endpoint: string;
  bucket: string;
  directory: string;
  env: Record<string, string>;
  /** Makes an unfinished multipart upload look started `hoursAgo` hours ago. */
  ageUploads(hoursAgo: number): Promise<void>;
  /** Every object key in the bucket (the tus upload objects and the stored files). */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const BUCKET = 'tadamon-test';
const ACCESS_KEY = 'S3RVER';

interface Ctx {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
}

const xmlEscape = (value: string) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const xml = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${inner}</${root}>`;
const noSuchUpload = (ctx: Ctx) => {
  ctx.status = 404;
  ctx.type = 'application/xml';
  ctx.body = xml('Error', '<Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message>');
};

function multipartCalls(directory: string) {
  const uploadsDir = (bucket: string) => join(directory, bucket, '._S3rver_uploads');
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const [, bucket = '', ...rest] = ctx.path.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const uploadId = typeof ctx.query.uploadId === 'string' ? ctx.query.uploadId : undefined;
    const dir = uploadId ? join(uploadsDir(bucket), uploadId.replace(/[^0-9a-f]/g, '')) : '';

    if (ctx.method === 'GET' && key && uploadId) {
      const names = await readdir(dir).catch(() => null);
      if (!names) return noSuchUpload(ctx);
      const parts = await Promise.all(
        names
          .filter((name) => /^\d+$/.test(name))
          .map(async (name) => {
            const [info, md5] = await Promise.all([stat(join(dir, name)), readFile(join(dir, `${name}.md5`), 'utf8')]);
            return { number: Number(name), size: info.size, md5, modified: info.mtime };
          }),
      );
      parts.sort((a, b) => a.number - b.number);
      ctx.type = 'application/xml';
      ctx.body = xml(
        'ListPartsResult',
        `<Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>` +
          parts
            .map(
              (p) =>
                `<Part><PartNumber>${p.number}</PartNumber><LastModified>${p.modified.toISOString()}</LastModified>` +
                `<ETag>"${p.md5}"</ETag><Size>${p.size}</Size></Part>`,
            )
            .join(''),
      );
      return;
    }
    if (ctx.method === 'DELETE' && key && uploadId) {
      if (!(await stat(dir).catch(() => null))) return noSuchUpload(ctx);
      await rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'GET' && !key && bucket && 'uploads' in ctx.query) {
      const ids = await readdir(uploadsDir(bucket)).catch(() => [] as string[]);
      const uploads = await Promise.all(
        ids.map(async (id) => ({
          id,
          key: await readFile(join(uploadsDir(bucket), id, 'key'), 'utf8'),
          initiated: (await stat(join(uploadsDir(bucket), id, 'key'))).mtime,
        })),
      );
      ctx.type = 'application/xml';
      ctx.body = xml(
        'ListMultipartUploadsResult',
        `<Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>` +
          uploads
            .map(
              (u) =>
                `<Upload><Key>${xmlEscape(u.key)}</Key><UploadId>${u.id}</UploadId>` +
                `<Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
            )
            .join(''),
      );
      return;
    }
    await next();
  };
}

export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'tadamon-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  // Before s3rver's own routes: Koa composes its middleware list when the server starts.
  (server as unknown as { middleware: unknown[] }).middleware.unshift(multipartCalls(directory));
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const uploadsDir = join(directory, BUCKET, '._S3rver_uploads');
  return {
    endpoint,
    bucket: BUCKET,
    directory,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    },
    async ageUploads(hoursAgo: number) {
      const { utimes } = await import('node:fs/promises');
      const then = new Date(Date.now() - hoursAgo * 3600_000);
      for (const id of await readdir(uploadsDir).catch(() => [] as string[])) await utimes(join(uploadsDir, id, 'key'), then, then);
    },
    async keys() {
      const found: string[] = [];
      const walk = async (dir: string, prefix: string) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          if (entry.name.startsWith('._S3rver_uploads')) continue;
          const match = /^(.*)\._S3rver_object$/.exec(entry.name);
          if (entry.isDirectory()) await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
          else if (match) found.push(prefix + match[1]);
        }
      };
      await walk(join(directory, BUCKET), '');
      return found.sort();
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
