import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { MaterialDerivativeKind } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import {
  audioTrack,
  imageThumbnail,
  lowVideo,
  NotApplicable,
  pdfThumbnail,
  plannedDerivatives,
  videoPoster,
  type Made,
} from './media/derivative-makers.js';
import { withLocalFile } from './media/local-copy.js';
import { MediaTools, ToolFailed, type MediaProbe } from './media/media-tools.js';
import { MaterialMediaRepository } from './material-media.repository.js';
import { StorageDriver } from './storage/storage-driver.js';

export const mediaAnalyseJobId = (fileId: string) => `materials.media-analyse:${fileId}`;
export const mediaRenderJobId = (fileId: string, kind: MaterialDerivativeKind) => `materials.media-render:${fileId}:${kind}`;
/** Derived files sit beside their original under a fixed key, so a second run overwrites, never adds. */
export const derivativeKey = (storageKey: string, kind: MaterialDerivativeKind) =>
  `${storageKey}-${{ THUMBNAIL: 'thumbnail', VIDEO_LOW: 'low', AUDIO: 'audio' }[kind]}`;

type File = NonNullable<Awaited<ReturnType<MaterialMediaRepository['findFile']>>>;
const isTimed = (mimeType: string) => mimeType.startsWith('video/') || mimeType.startsWith('audio/');

/**
 * Media processing after a file version is READY: `materials.media-analyse` stores duration and
 * picture size and queues one `materials.media-render` job per derived file (thumbnail, ~240p
 * video, audio track). Every job is keyed by file version (and kind) and checks the row's state
 * first, so a retry or a second enqueue never makes a second file. A missing tool is a result
 * (UNAVAILABLE), an unreadable input too (FAILED); anything else is retried with back-off and
 * recorded as FAILED on the last attempt.
 */
@Injectable()
export class MaterialMediaProcessor implements OnModuleInit {
  private readonly logger = new Logger('MaterialMediaProcessor');
  private readonly workRoot: string;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: MaterialMediaRepository,
    private readonly storage: StorageDriver,
    private readonly tools: MediaTools,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.workRoot = join(config.DATA_DIR, 'media-work');
  }

  onModuleInit(): void {
    this.registry.register('materials.media-analyse', ({ fileId }) => this.analyse(fileId));
    this.registry.register('materials.media-render', ({ fileId, kind }) => this.render(fileId, kind));
  }

  /**
   * What a file version turning READY starts, in the transaction that makes it READY: its
   * derived files listed at once as being prepared, so whoever uploaded it sees them coming
   * (and the page keeps asking) instead of a ready file with nothing planned while the analysis
   * waits its turn; and the analysis job itself.
   */
  afterReady(fileId: string, mimeType: string): AlsoInTransaction {
    return async (tx) => {
      await this.repository.listIn(tx, fileId, plannedDerivatives(mimeType));
      await this.jobs.enqueue('materials.media-analyse', { fileId }, { jobId: mediaAnalyseJobId(fileId), tx });
    };
  }

  async analyse(fileId: string): Promise<void> {
    const file = await this.repository.findFile(fileId);
    if (!file || file.status !== 'READY') return;
    const metadata = await this.metadataOf(file);
    if (metadata) await this.repository.saveMetadata(fileId, metadata);
    // The derivative rows and their render jobs commit together, with deterministic ids: an
    // analysis handed over twice plans and queues each derived file once.
    const kinds = plannedDerivatives(file.mimeType);
    await this.repository.plan(fileId, kinds, async (tx) => {
      for (const kind of kinds) {
        await this.jobs.enqueue('materials.media-render', { fileId, kind }, { jobId: mediaRenderJobId(fileId, kind), tx });
      }
    });
  }

  private async metadataOf(file: File) {
    if (file.mimeType.startsWith('image/')) {
      const { default: sharp } = await import('sharp');
      return withLocalFile(this.storage, file.storageKey, this.workRoot, async (input) => {
        const meta = await sharp(input, { failOn: 'none' }).metadata().catch(() => null);
        return meta ? { width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height } : null;
      });
    }
    if (!isTimed(file.mimeType) || !(await this.tools.has('ffprobe'))) return null;
    const probe = await this.probe(file);
    return probe && { durationMs: probe.durationMs, width: probe.width, height: probe.height };
  }

  /** ffprobe's view of the file, or null when it cannot read it. */
  private probe(file: File): Promise<MediaProbe | null> {
    return withLocalFile(this.storage, file.storageKey, this.workRoot, (input) =>
      this.tools.probe(input).catch((error: unknown) => {
        if (error instanceof ToolFailed) return null;
        throw error;
      }),
    );
  }

  async render(fileId: string, kind: MaterialDerivativeKind): Promise<void> {
    const file = await this.repository.findFile(fileId);
    const row = await this.repository.findDerivative(fileId, kind);
    if (!file || file.status !== 'READY' || !row) return;
    const key = derivativeKey(file.storageKey, kind);
    if (row.status === 'READY' && (await this.storage.size(key)) !== null) return;
    const missing = await this.missingTool(file.mimeType, kind);
    if (missing) {
      await this.repository.finish(row.id, 'UNAVAILABLE', { failureReason: missing });
      return;
    }
    const attempt = await this.repository.startAttempt(row.id);
    try {
      const made = await withLocalFile(this.storage, file.storageKey, this.workRoot, async (input, scratch) => {
        const output = join(scratch, `${kind.toLowerCase()}.out`);
        const result = await this.make(kind, file, input, output);
        const sizeBytes = (await stat(output)).size;
        await this.storage.adopt(key, output);
        return { ...result, sizeBytes };
      });
      await this.repository.finish(row.id, 'READY', { ...made, storageKey: key });
    } catch (error) {
      if (error instanceof NotApplicable) {
        await this.repository.finish(row.id, 'UNAVAILABLE', { failureReason: error.reason });
        return;
      }
      if (error instanceof Unreadable) {
        await this.repository.finish(row.id, 'FAILED', { failureReason: 'MEDIA_UNREADABLE' });
        return;
      }
      this.logger.warn({ fileId, kind, attempt, err: error }, 'Derived file could not be made');
      // The last try records why; the job still fails so it shows in the dead-letter list.
      if (attempt >= this.config.JOB_ATTEMPTS) await this.repository.finish(row.id, 'FAILED', { failureReason: 'RENDER_FAILED' });
      throw error;
    }
  }

  private async missingTool(mimeType: string, kind: MaterialDerivativeKind): Promise<string | null> {
    if (mimeType.startsWith('image/')) return null;
    if (mimeType === 'application/pdf') return (await this.tools.has('pdftoppm')) ? null : 'PDFTOPPM_MISSING';
    if (kind === 'THUMBNAIL' || kind === 'VIDEO_LOW' || kind === 'AUDIO') {
      return (await this.tools.has('ffmpeg')) && (await this.tools.has('ffprobe')) ? null : 'FFMPEG_MISSING';
    }
    return null;
  }

  private async make(kind: MaterialDerivativeKind, file: File, input: string, output: string): Promise<Made> {
    if (file.mimeType.startsWith('image/')) return imageThumbnail(input, output).catch(unreadable);
    if (file.mimeType === 'application/pdf') return pdfThumbnail(this.tools, input, output).catch(unreadable);
    const probe = await this.tools.probe(input).catch(unreadable);
    if (kind === 'THUMBNAIL') return videoPoster(this.tools, input, output, probe);
    if (kind === 'VIDEO_LOW') return lowVideo(this.tools, input, output, probe);
    return audioTrack(this.tools, input, output, probe);
  }
}

/** The input itself is broken: trying again would fail the same way. */
class Unreadable extends Error {}
function unreadable(error: unknown): never {
  if (error instanceof ToolFailed || (error instanceof Error && /unsupported image format|Input file|corrupt/i.test(error.message))) {
    throw new Unreadable(error.message);
  }
  throw error;
}
