import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import type { KvStore } from '@tus/server';
import type { AppConfig } from '../../../common/config/config.js';
import { StorageDriver, type SignedResponse } from './storage-driver.js';

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;
/** Finished files live under this prefix; tus keeps unfinished uploads at the bucket's root. */
const PREFIX = 'materials/';

/**
 * No metadata cache for the tus S3 store: its default cache lives in one process, so another
 * API process (or the cleanup job) would not see an upload finished or deleted elsewhere.
 * The price is one small GET of the upload's `.info` object per tus request.
 */
const noCache: KvStore<MetadataValue> = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

export function s3ClientConfig(config: AppConfig): S3ClientConfig {
  return {
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Checksums only where S3 requires them: many S3-compatible servers do not understand the
    // newer streaming-checksum encoding and would store its framing as file bytes.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/**
 * S3-compatible object storage. Uploads go through @tus/s3-store (multipart, resumable from
 * any API process); a finished upload is copied inside the bucket to our key and its upload
 * objects deleted. Readers never get the bucket itself: after the access check they are sent
 * to a presigned GET that expires after SIGNED_URL_TTL_SECONDS.
 */
export class S3Storage extends StorageDriver {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly store: S3Store;

  constructor(
    config: AppConfig,
    private readonly signedUrlTtlSeconds = config.SIGNED_URL_TTL_SECONDS,
  ) {
    super();
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required for the S3 storage driver');
    this.bucket = config.S3_BUCKET;
    const clientConfig = s3ClientConfig(config);
    this.client = new S3Client(clientConfig);
    this.store = new S3Store({
      cache: noCache,
      s3ClientConfig: { ...clientConfig, bucket: this.bucket },
      expirationPeriodInMilliseconds: config.UPLOAD_EXPIRY_HOURS * 3600_000,
      // Expiry is enforced by our cleanup job, not by bucket lifecycle rules on tags.
      useTags: false,
    });
  }

  private objectKey(key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
    return PREFIX + key;
  }

  uploadStore(): S3Store {
    return this.store;
  }

  async adoptUpload(key: string, uploadId: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        CopySource: `${this.bucket}/${encodeURIComponent(uploadId)}`,
      }),
    );
    await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: [{ Key: uploadId }, { Key: `${uploadId}.info` }, { Key: `${uploadId}.part` }], Quiet: true },
      }),
    );
  }

  async adopt(key: string, localPath: string): Promise<void> {
    const { size } = await stat(localPath);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: createReadStream(localPath), ContentLength: size }),
    );
    await unlink(localPath);
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Answers at once; the bytes (a ranged GET when asked) follow when S3 answers. */
  read(key: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    });
    this.client.send(command).then(
      ({ Body }) => {
        const body = Body as Readable;
        // A reader that stops early (a magic-byte check) must not leave the socket open.
        out.on('close', () => body.destroy());
        body.on('error', (error) => out.destroy(error));
        body.pipe(out);
      },
      (error: unknown) => out.destroy(error as Error),
    );
    return out;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  signedUrl(key: string, response: SignedResponse): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ResponseContentType: response.contentType,
      ResponseContentDisposition: response.contentDisposition,
      ResponseCacheControl: 'private, max-age=3600, immutable',
    });
    return getSignedUrl(this.client, command, { expiresIn: this.signedUrlTtlSeconds });
  }
}

/**
 * The origin browsers load signed URLs from, for the SPA's Content-Security-Policy (images,
 * audio and video are shown from there); null with local storage.
 */
export function s3BrowserOrigin(config: AppConfig): string | null {
  if (config.STORAGE_DRIVER !== 's3' || !config.S3_BUCKET) return null;
  if (!config.S3_ENDPOINT) return `https://${config.S3_BUCKET}.s3.${config.S3_REGION}.amazonaws.com`;
  const url = new URL(config.S3_ENDPOINT);
  return config.S3_FORCE_PATH_STYLE ? url.origin : `${url.protocol}//${config.S3_BUCKET}.${url.host}`;
}
