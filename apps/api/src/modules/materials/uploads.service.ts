import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Server, type DataStore, type ServerOptions } from '@tus/server';
import { materialUploadMetadataSchema, ERROR_STATUS, MATERIAL_EXTENSIONS, type ErrorCode } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { checkStoredFile, extensionOf, sanitiseFileName } from './file-checks.js';
import { canEditMaterial, scopeOf } from './material-scope.js';
import { MaterialsRepository } from './materials.repository.js';
import { StorageDriver } from './storage/storage-driver.js';

/** What the controller hangs on the raw request for the tus hooks, which only see that. */
export interface UploadContext {
  actor: Actor;
  requestId: string;
}
type RawWithContext = IncomingMessage & { tadamon?: UploadContext };
type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];

const contextOf = (req: TusRequest): UploadContext => {
  const context = (req.runtime?.node?.req as RawWithContext | undefined)?.tadamon;
  if (!context) throw new Error('Upload request without context');
  return context;
};

/** tus answers with a status and a body; ours is the usual `{code, message, requestId}`. */
function refusal(req: TusRequest, code: ErrorCode, message: string) {
  return {
    status_code: ERROR_STATUS[code],
    body: JSON.stringify({ code, message, requestId: contextOf(req).requestId }),
  };
}

/** tus's own protocol refusals (plain text) as our codes; its 5xx other than 501 stay server errors. */
const TUS_STATUS_CODES: Record<number, ErrorCode> = { 404: 'NOT_FOUND', 410: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };
const ourCodeFor = (status: number): ErrorCode => TUS_STATUS_CODES[status] ?? (status < 500 || status === 501 ? 'VALIDATION_FAILED' : 'INTERNAL');

/**
 * tus answers some refusals itself in plain text (a missing or invalid Tus-Resumable or
 * Upload-Length header, an unknown upload): they get our `{code, message, requestId}` too.
 */
class TusServer extends Server {
  constructor(options: ConstructorParameters<typeof Server>[0], private readonly requestId: () => string) {
    super(options);
  }

  override write(...[context, headers, status, body = '']: Parameters<Server['write']>) {
    if (status < 400 || body.startsWith('{')) return super.write(context, headers, status, body);
    const code = ourCodeFor(status);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    const message = code === 'INTERNAL' ? 'Something went wrong on our side. It has been logged.' : body.trim();
    return super.write(context, headers, ERROR_STATUS[code], JSON.stringify({ code, message, requestId: this.requestId() }));
  }
}

/**
 * Resumable uploads (tus 1.0) into the storage driver's upload store (DATA_DIR/uploads, or
 * multipart uploads in the S3 bucket). Each upload belongs to one language version and one
 * person; when it completes, it moves under a key of ours, its bytes are checked (a failed
 * check removes it again), it becomes the next file version, and processing is queued.
 */
@Injectable()
export class UploadsService implements OnModuleInit {
  private readonly logger = new Logger('UploadsService');
  readonly store: DataStore;
  private readonly tus: Server;
  private readonly requestIds = new AsyncLocalStorage<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: MaterialsRepository,
    private readonly storage: StorageDriver,
    private readonly jobs: JobQueue,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.store = storage.uploadStore();
    this.tus = new TusServer({
      path: '/api/uploads',
      datastore: this.store,
      relativeLocation: true,
      maxSize: config.UPLOAD_MAX_BYTES,
      respectForwardedHeaders: config.TRUST_PROXY,
      // The SPA uploads from its own origin; the project has no CORS setting, so no other
      // origin is allowed. Without this the tus server answers every origin with `*`.
      allowedOrigins: () => false,
      onUploadCreate: (req, upload) => this.beforeCreate(req, upload.metadata ?? {}),
      onIncomingRequest: (req, uploadId) => this.checkOwner(req, uploadId),
      onUploadFinish: (req, upload) => this.complete(req, upload.id, upload.metadata ?? {}),
    }, () => this.requestIds.getStore() ?? 'unknown');
  }

  /** tus PATCH bodies must reach the tus server as an untouched stream. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.();
    fastify?.addContentTypeParser('application/offset+octet-stream', (_request: unknown, _payload: unknown, done: (e: null) => void) =>
      done(null),
    );
  }

  handle(req: IncomingMessage, res: ServerResponse, context: UploadContext): Promise<void> {
    (req as RawWithContext).tadamon = context;
    return this.requestIds.run(context.requestId, () => this.tus.handle(req, res));
  }

  /**
   * tus 1.0 discovery (OPTIONS): 204 with Tus-Version, Tus-Extension and Tus-Max-Size. Answered
   * here rather than by the tus server, whose answer adds CORS headers: CORS stays closed.
   */
  discovery(): Record<string, string> {
    return {
      'Tus-Resumable': '1.0.0',
      'Tus-Version': '1.0.0',
      'Tus-Extension': this.store.extensions.join(','),
      'Tus-Max-Size': String(this.config.UPLOAD_MAX_BYTES),
    };
  }

  private async beforeCreate(req: TusRequest, metadata: Record<string, string | null>) {
    const { actor } = contextOf(req);
    const parsed = materialUploadMetadataSchema.safeParse(metadata);
    if (!parsed.success) throw refusal(req, 'VALIDATION_FAILED', 'Upload-Metadata needs translationId and filename.');
    const translation = await this.repository.findTranslation(parsed.data.translationId);
    const scope = scopeOf(actor);
    if (!translation || !(await this.repository.findVisible(translation.materialId, scope))) {
      throw refusal(req, 'NOT_FOUND', 'No such language version.');
    }
    if (!canEditMaterial(scope, translation.material)) throw refusal(req, 'FORBIDDEN', 'You may not change this material.');
    const kind = translation.material.kind;
    if (kind === 'LINK' || !MATERIAL_EXTENSIONS[kind].includes(extensionOf(parsed.data.filename))) {
      throw refusal(req, 'UNSUPPORTED_MEDIA_TYPE', 'This type of file is not accepted for this material.');
    }
    // The uploader is recorded by us, whatever the client sent.
    return { metadata: { ...metadata, filename: sanitiseFileName(parsed.data.filename), uploaderId: actor.userId } };
  }

  /** Only the person who started an upload may resume, inspect or cancel it. */
  private async checkOwner(req: TusRequest, uploadId: string) {
    if (req.method === 'POST' || req.method === 'OPTIONS') return;
    const { actor } = contextOf(req);
    let uploaderId: string | null | undefined;
    try {
      uploaderId = (await this.store.getUpload(uploadId)).metadata?.uploaderId;
    } catch {
      throw refusal(req, 'NOT_FOUND', 'No such upload.');
    }
    if (uploaderId !== actor.userId) throw refusal(req, 'NOT_FOUND', 'No such upload.');
  }

  private async complete(req: TusRequest, uploadId: string, metadata: Record<string, string | null>) {
    const { actor } = contextOf(req);
    const translationId = metadata.translationId!;
    const fileName = metadata.filename ?? 'file';
    const translation = await this.repository.findTranslation(translationId);
    if (!translation) {
      await this.discard(uploadId);
      throw refusal(req, 'NOT_FOUND', 'No such language version.');
    }
    const fileId = randomUUID();
    const storageKey = `${translation.materialId}/${fileId}`;
    const size = (await this.store.getUpload(uploadId)).size ?? 0;
    await this.storage.adoptUpload(storageKey, uploadId);
    const check = await checkStoredFile(this.storage, storageKey, size, fileName, translation.material.kind);
    if (!check.ok) {
      await this.storage.remove(storageKey);
      throw check.reason === 'mismatch'
        ? refusal(req, 'UPLOAD_TYPE_MISMATCH', 'The file’s content does not match its name.')
        : refusal(req, 'UNSUPPORTED_MEDIA_TYPE', 'This type of file is not accepted for this material.');
    }
    try {
      await this.repository.addFileVersion({
        id: fileId,
        translationId,
        originalName: fileName,
        mimeType: check.mimeType,
        sizeBytes: size,
        storageKey,
        uploadedById: actor.userId,
      }, (tx) => this.jobs.enqueue('materials.process-file', { fileId }, { jobId: `materials.process-file:${fileId}`, tx }));
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
    this.logger.log({ fileId, translationId, size }, 'Material file uploaded');
    return { headers: { 'x-material-file-id': fileId } };
  }

  private async discard(uploadId: string) {
    await this.store.remove(uploadId).catch(() => undefined);
  }

  /** Removes unfinished uploads older than UPLOAD_EXPIRY_HOURS; answers how many. */
  deleteExpired(): Promise<number> {
    return this.store.deleteExpired();
  }
}

