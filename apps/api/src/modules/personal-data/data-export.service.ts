import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataExport } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { JobAttempt } from '../../common/jobs/job-handler.registry.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { HolderCertificates } from '../certificates/holder-certificates.js';
import { StorageDriver } from '../materials/storage/storage-driver.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { safeFileName, writeExportArchive, type ArchiveFile } from './export-archive.js';
import { PersonalDataRepository, exportStorageKey } from './personal-data.repository.js';

/** How long a prepared export can be downloaded. */
export const EXPORT_TTL_DAYS = 7;

type ExportRow = { id: string; status: DataExport['status']; createdAt: Date; readyAt: Date | null; expiresAt: Date | null; sizeBytes: bigint | null };

/**
 * "Download all my data": a job builds one ZIP (JSON per subject, the person's uploaded files,
 * their certificates' PDFs and signed credentials), stores it in the storage driver and
 * notifies the person; they download it for EXPORT_TTL_DAYS. Only its owner ever reaches it.
 */
@Injectable()
export class DataExportService {
  private readonly logger = new Logger('PersonalDataExport');

  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly jobs: JobQueue,
    private readonly storage: StorageDriver,
    private readonly certificates: HolderCertificates,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Asks for an export; one already being prepared is answered instead of a second. */
  async request(actor: Actor): Promise<DataExport> {
    await this.removeExpired(actor.userId);
    const pending = await this.repository.findPendingExport(actor.userId);
    if (pending) return toView(pending);
    // The export and its build job commit together, so a pending export always has its job.
    const created = await this.repository.createExport(actor.userId, (tx, { id }) =>
      this.jobs.enqueue('personal-data.export', { exportId: id }, { jobId: `personal-data-export:${id}`, tx }),
    );
    return toView(created);
  }

  async list(actor: Actor): Promise<{ items: DataExport[] }> {
    await this.removeExpired(actor.userId);
    return { items: (await this.repository.listExports(actor.userId)).map(toView) };
  }

  /** The ZIP of one's own ready export; anyone else's, or an unknown id, is 404. */
  async open(actor: Actor, id: string) {
    const found = await this.repository.findExport(id);
    if (!found || found.userId !== actor.userId) throw notFound('data export');
    if (found.status !== 'READY' || !found.expiresAt || found.expiresAt <= new Date()) {
      throw new AppError('DATA_EXPORT_NOT_READY', 'This export is not ready, failed or has expired; ask for a new one.');
    }
    return {
      stream: this.storage.read(exportStorageKey(id)),
      sizeBytes: found.sizeBytes === null ? null : Number(found.sizeBytes),
      fileName: `tadamon-data-${found.createdAt.toISOString().slice(0, 10)}.zip`,
    };
  }

  /** The job: does nothing unless the export is still PENDING, so a rerun never builds twice. */
  async build(exportId: string, attempt: JobAttempt): Promise<void> {
    const found = await this.repository.findExport(exportId);
    if (!found || found.status !== 'PENDING') return;
    const workDir = join(this.config.DATA_DIR, 'personal-data-work');
    const target = join(workDir, `${exportId}.zip`);
    try {
      await mkdir(workDir, { recursive: true });
      const data = await this.repository.dataOf(found.userId);
      const uploads = await this.repository.uploadedFiles(found.userId);
      const certificates = await this.certificates.documentsOf(found.userId);
      const files: ArchiveFile[] = [];
      const uploadList = uploads.map((file) => {
        const path = `files/${file.translation.materialId}/${file.id}-${safeFileName(file.originalName)}`;
        const stored = file.status === 'READY' || file.status === 'PROCESSING';
        if (stored) files.push({ path, open: () => this.storage.read(file.storageKey) });
        const { storageKey: _key, ...rest } = file;
        return { ...rest, archivePath: stored ? path : null };
      });
      const certificateList = certificates.map((c) => {
        const base = `certificates/${c.view.code}`;
        files.push({ path: `${base}.pdf`, open: () => c.openPdf() });
        files.push({ path: `${base}.credential.json`, open: () => Readable.from([JSON.stringify(c.credential, null, 2)]) });
        return { ...c.view, pdf: `${base}.pdf`, credential: `${base}.credential.json` };
      });
      await writeExportArchive(target, { ...data, certificates: certificateList, uploads: uploadList }, files);
      const size = (await stat(target)).size;
      await this.storage.adopt(exportStorageKey(exportId), target);
      const now = new Date();
      // "Ready" and the person's notice (with its mail job) commit together.
      await this.repository.markExportReady(exportId, size, now, new Date(now.getTime() + EXPORT_TTL_DAYS * 86_400_000), (tx) =>
        this.notifications.notify({ eventKey: `data-export:${exportId}`, kind: 'dataExportReady', recipients: [found.userId], data: {}, link: '/profile' }, tx),
      );
    } catch (error) {
      await rm(target, { force: true });
      if (attempt.attempt >= attempt.attempts) {
        this.logger.error({ err: error, exportId }, 'The data export failed for good');
        await this.repository.markExportFailed(exportId);
        return;
      }
      throw error;
    }
  }

  /**
   * Deletes expired ZIPs and their rows: everyone's by the hourly job (`null`), and the
   * person's own whenever they look, so an expired file is never offered between two runs.
   * Answers how many went.
   */
  async removeExpired(userId: string | null): Promise<number> {
    const expired = await this.repository.expiredExports(userId, new Date());
    for (const { id } of expired) await this.storage.remove(exportStorageKey(id));
    if (expired.length > 0) await this.repository.deleteExports(expired.map((e) => e.id));
    return expired.length;
  }

  /** After an erasure: the person's export files go too. */
  async removeFiles(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.remove(key);
  }
}

function toView(row: ExportRow): DataExport {
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    downloadPath: `/api/me/data-export/${row.id}`,
  };
}
