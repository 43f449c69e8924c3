import { Injectable } from '@nestjs/common';
import type { MaterialDetail, PublicMaterialListQuery } from '@tadamon/shared';
import { notFound } from '../../common/errors/app-error.js';
import { VISITOR_SCOPE } from './material-scope.js';
import { detailOut } from './material-mapper.js';
import { MaterialsRepository } from './materials.repository.js';
import { MaterialsService } from './materials.service.js';

/** Visitors' language when they name none: the platform's default. */
const DEFAULT_LANGUAGE = 'en';

/**
 * The library for visitors who are not signed in. Same rules and queries as for readers, with
 * the visitor's scope: published PUBLIC material only, and of it only what a reader who cannot
 * edit sees (published language versions, their current READY file). Anything else answers 404.
 */
@Injectable()
export class PublicMaterialsService {
  constructor(
    private readonly materials: MaterialsService,
    private readonly repository: MaterialsRepository,
  ) {}

  list(query: PublicMaterialListQuery) {
    const { lang, ...rest } = query;
    return this.materials.listIn(VISITOR_SCOPE, lang ?? DEFAULT_LANGUAGE, rest);
  }

  async get(id: string, lang?: string): Promise<MaterialDetail> {
    const material = await this.repository.findVisible(id, VISITOR_SCOPE);
    if (!material) throw notFound('material');
    const detail = detailOut(material, lang ?? DEFAULT_LANGUAGE, false);
    // Who uploaded a file is the members' business, not the public's.
    for (const translation of detail.translations) {
      if (translation.currentFile) translation.currentFile.uploadedByName = null;
    }
    return detail;
  }

  /** The current, processed file of a published version of public material; nothing else. */
  async downloadable(fileId: string) {
    const file = await this.repository.findFile(fileId);
    if (!file || file.status !== 'READY' || file.translation.currentFileId !== file.id) throw notFound('file');
    const material = await this.repository.findVisible(file.translation.materialId, VISITOR_SCOPE);
    if (!material) throw notFound('file');
    return file;
  }
}
