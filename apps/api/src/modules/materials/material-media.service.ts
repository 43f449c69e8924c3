import { Injectable } from '@nestjs/common';
import { MATERIAL_RENDITIONS, type MaterialDerivativeKind } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import type { DownloadableFile } from './file-download.js';
import { MaterialFilesService } from './material-files.service.js';
import { MaterialMediaRepository } from './material-media.repository.js';

const baseName = (name: string) => name.replace(/\.[^.]*$/, '') || 'file';
const SUFFIX: Record<MaterialDerivativeKind, string> = { THUMBNAIL: '-thumbnail', VIDEO_LOW: '-data-saver', AUDIO: '-audio' };

/** Thumbnails and renditions: reachable exactly when the file they come from is. */
@Injectable()
export class MaterialMediaService {
  constructor(
    private readonly files: MaterialFilesService,
    private readonly repository: MaterialMediaRepository,
  ) {}

  thumbnail(actor: Actor, fileId: string) {
    return this.derived(actor, fileId, 'THUMBNAIL', 'thumbnail');
  }

  rendition(actor: Actor, fileId: string, rendition: keyof typeof MATERIAL_RENDITIONS) {
    return this.derived(actor, fileId, MATERIAL_RENDITIONS[rendition], 'rendition');
  }

  private async derived(actor: Actor, fileId: string, kind: MaterialDerivativeKind, what: string): Promise<DownloadableFile> {
    // Same rule as the original: a file you may not download has no thumbnail for you either.
    const file = await this.files.downloadable(actor, fileId);
    const derivative = await this.repository.findReady(file.id, kind);
    if (!derivative?.storageKey || !derivative.mimeType) throw notFound(what);
    const extension = derivative.mimeType === 'audio/mp4' ? 'm4a' : derivative.mimeType === 'image/jpeg' ? 'jpg' : 'mp4';
    return {
      id: derivative.id,
      storageKey: derivative.storageKey,
      mimeType: derivative.mimeType,
      originalName: `${baseName(file.originalName)}${SUFFIX[kind]}.${extension}`,
    };
  }
}
