import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { canEditMaterial, scopeOf } from './material-scope.js';
import { fileOut } from './material-mapper.js';
import { MaterialsRepository } from './materials.repository.js';
import { MaterialsService } from './materials.service.js';

/** File versions of a language version: history, restore, and the access check before a download. */
@Injectable()
export class MaterialFilesService {
  constructor(
    private readonly materials: MaterialsService,
    private readonly repository: MaterialsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every version, newest first (editors; readers only ever see the current one). */
  async history(actor: Actor, materialId: string, translationId: string) {
    const material = await this.materials.requireEditable(actor, materialId);
    if (!material.translations.some((t) => t.id === translationId)) throw notFound('language version');
    return { items: (await this.repository.listFiles(translationId)).map(fileOut) };
  }

  async restore(actor: Actor, materialId: string, translationId: string, fileId: string) {
    const material = await this.materials.requireEditable(actor, materialId);
    const file = await this.repository.findFile(fileId);
    if (!file || file.translationId !== translationId || file.translation.materialId !== material.id) {
      throw notFound('file version');
    }
    if (file.status === 'FAILED') throw new AppError('CONFLICT', 'A file that failed processing cannot be restored.');
    await this.repository.restoreFile(translationId, file.id, file.extractedText);
    await this.audit.record({
      action: 'material.file_restored',
      actorId: actor.userId,
      organisationId: material.organisationId,
      networkId: material.networkId,
      details: { materialId, translationId, fileId, version: file.version },
    });
    return this.materials.get(actor, materialId);
  }

  /**
   * The file a person may download: the current file of a version they can see, or any version
   * for editors (to compare before restoring). Anything else does not exist for them.
   */
  async downloadable(actor: Actor, fileId: string) {
    const file = await this.repository.findFile(fileId);
    if (!file) throw notFound('file');
    const scope = scopeOf(actor);
    const material = await this.repository.findVisible(file.translation.materialId, scope);
    if (!material) throw notFound('file');
    const isCurrent = file.translation.currentFileId === file.id;
    // Readers get the published file only, never one still being checked (scanned); a failed
    // file is nobody's to download (its bytes may have been removed as infected).
    if ((!isCurrent || file.status !== 'READY') && !canEditMaterial(scope, material)) throw notFound('file');
    if (file.status === 'FAILED') throw notFound('file');
    return file;
  }
}
