import { Injectable } from '@nestjs/common';
import { materialPageSchema } from '@tadamon/shared';
import type { MaterialCreate, MaterialListQuery, MaterialTopicUpdate, MaterialTranslationInput, materialUpdateSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { AuditService } from '../../common/audit/audit.service.js';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';
import { Prisma } from '../../generated/prisma/client.js';
import { canEditMaterial, scopeOf, type MaterialScope } from './material-scope.js';
import { detailOut, summaryOut } from './material-mapper.js';
import { prefixQuery } from '../../common/text/search-query.js';
import { MaterialSearchRepository } from './material-search.repository.js';
import { MaterialsRepository } from './materials.repository.js';
import { CoursesUsingMaterial } from '../courses/courses-using-material.js';
import { LibraryListCache } from './library-list-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
type MaterialUpdate = z.infer<typeof materialUpdateSchema>;

/** The library's rules: who sees, creates and edits which material. */
@Injectable()
export class MaterialsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: MaterialsRepository,
    private readonly searchRepository: MaterialSearchRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly courses: CoursesUsingMaterial,
    private readonly listCache: LibraryListCache,
  ) {}

  list(actor: Actor, query: MaterialListQuery) {
    return this.listIn(scopeOf(actor), actor.preferredLanguage, query);
  }

  /** The list or search for a scope (a signed-in reader's, or a visitor's), shown in `language`. */
  listIn(scope: MaterialScope, language: string, query: MaterialListQuery) {
    return this.listCache.read(scope, language, query, () => this.computeList(scope, language, query));
  }

  private async computeList(scope: MaterialScope, language: string, query: MaterialListQuery) {
    const tsQuery = query.q ? prefixQuery(query.q) : undefined;
    const rows = await this.searchRepository.search({
      scope,
      language,
      tsQuery,
      networkId: query.networkId,
      standardTopic: query.standardTopic,
      customTopicId: query.customTopicId,
      audience: query.audience,
      kind: query.kind,
      hasLanguage: query.language,
      after: query.cursor ? afterOf(query.cursor, tsQuery !== undefined) : undefined,
      take: query.limit + 1,
    });
    const page = pageFrom(rows, query.limit, (row) => [row.rank ?? row.updatedAt.toISOString(), row.id]);
    // Checked against the answer's schema here, once per cached page, not on every send.
    return materialPageSchema.parse({ items: page.items.map(summaryOut), nextCursor: page.nextCursor });
  }

  async get(actor: Actor, id: string) {
    const scope = scopeOf(actor);
    const material = await this.repository.findVisible(id, scope);
    if (!material) throw notFound('material');
    const detail = detailOut(material, actor.preferredLanguage, canEditMaterial(scope, material));
    return { ...detail, courses: await this.courses.publishedUsing(id, scope, actor.preferredLanguage) };
  }

  /** A material the actor may see and edit; 404 when they cannot see it, 403 when they may only read it. */
  async requireEditable(actor: Actor, id: string) {
    const scope = scopeOf(actor);
    const material = await this.repository.findVisible(id, scope);
    if (!material) throw notFound('material');
    if (!canEditMaterial(scope, material)) throw new AppError('FORBIDDEN', 'You may not change this material.');
    return material;
  }

  async create(actor: Actor, input: MaterialCreate) {
    const { translation, ...fields } = input;
    if (fields.organisationId) {
      const [organisation] = await this.access.requireOrganisationAccess(actor, 'materials.manage', [fields.organisationId]);
      if (organisation!.networkId !== fields.networkId) throw validation('organisationId', 'organisation_not_in_network');
    } else {
      // Network-wide material is the coordinators' to make.
      await this.access.requireNetworkAccess(actor, 'materials.manage', fields.networkId);
      if (fields.visibility === 'ORGANISATION') throw validation('visibility', 'organisation_required');
    }
    await this.checkTopic(fields.networkId, fields.customTopicId);
    checkLink(fields.kind, translation);
    const material = await this.repository.create({ ...fields, createdById: actor.userId }, translationData(translation));
    await this.audit.record({
      action: 'material.created',
      actorId: actor.userId,
      organisationId: material.organisationId,
      networkId: material.networkId,
      details: { materialId: material.id, title: translation.title },
    });
    return detailOut(material, actor.preferredLanguage, true);
  }

  async update(actor: Actor, id: string, input: MaterialUpdate) {
    const material = await this.requireEditable(actor, id);
    const data: Prisma.MaterialUncheckedUpdateInput = { ...input };
    if (input.standardTopic || input.customTopicId) {
      if (input.standardTopic && input.customTopicId) throw validation('standardTopic', 'one_topic');
      await this.checkTopic(material.networkId, input.customTopicId, material.customTopicId);
      data.standardTopic = input.standardTopic ?? null;
      data.customTopicId = input.customTopicId ?? null;
    }
    const visibility = input.visibility ?? material.visibility;
    if (visibility === 'ORGANISATION' && !material.organisationId) throw validation('visibility', 'organisation_required');
    const updated = await this.repository.update(id, data);
    return detailOut(updated, actor.preferredLanguage, true);
  }

  /**
   * Deletes a material for its editors. It is gone from every read at once (the rows go in one
   * transaction); its stored files are removed by `materials.remove-files`, retried until done.
   */
  async remove(actor: Actor, id: string) {
    const material = await this.requireEditable(actor, id);
    // The removal job is written with the deletion: committed together or not at all.
    const storageKeys = await this.repository.deleteMaterial(id, (tx, keys) =>
      this.jobs.enqueue('materials.remove-files', { materialId: id, storageKeys: keys }, { jobId: `materials.remove-files:${id}`, tx }),
    );
    await this.audit.record({
      action: 'material.deleted',
      actorId: actor.userId,
      organisationId: material.organisationId,
      networkId: material.networkId,
      details: { materialId: id, title: material.translations[0]?.title ?? '', files: storageKeys.length },
    });
  }

  async addTranslation(actor: Actor, id: string, input: MaterialTranslationInput) {
    const material = await this.requireEditable(actor, id);
    if (material.translations.some((t) => t.language === input.language)) {
      throw new AppError('MATERIAL_LANGUAGE_EXISTS', 'This material already has a version in this language.');
    }
    checkLink(material.kind, input);
    try {
      await this.repository.addTranslation(id, translationData(input));
    } catch (error) {
      // Two editors adding the same language at once: the unique index decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new AppError('MATERIAL_LANGUAGE_EXISTS', 'This material already has a version in this language.');
      }
      throw error;
    }
    return this.get(actor, id);
  }

  /** Custom topics to pick from; archived ones too when asked (the coordinators' topics screen). */
  async topics(actor: Actor, networkId?: string, includeArchived = false) {
    const visible = await this.access.visibleNetworkIds(actor);
    if (networkId && !visible.includes(networkId)) throw notFound('network');
    const rows = await this.repository.listTopics(networkId ? [networkId] : visible, includeArchived);
    return { items: rows.map(topicOut) };
  }

  async createTopic(actor: Actor, networkId: string, name: string) {
    await this.access.requireNetworkAccess(actor, 'materials.manageTopics', networkId);
    return topicOut(await this.saveTopic(() => this.repository.createTopic(networkId, name)));
  }

  /** Rename, archive or bring back one of the network's custom topics. */
  async updateTopic(actor: Actor, networkId: string, topicId: string, input: MaterialTopicUpdate) {
    await this.access.requireNetworkAccess(actor, 'materials.manageTopics', networkId);
    const topic = await this.repository.findTopic(topicId);
    if (!topic || topic.networkId !== networkId) throw notFound('topic');
    const data: { name?: string; archivedAt?: Date | null } = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.archived !== undefined) data.archivedAt = input.archived ? (topic.archivedAt ?? new Date()) : null;
    return topicOut(await this.saveTopic(() => this.repository.updateTopic(topicId, data)));
  }

  private async saveTopic<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new AppError('CONFLICT', 'This network already has a topic with this name.');
      }
      throw error;
    }
  }

  /** A topic of the material's network, not archived unless the material already has it. */
  private async checkTopic(networkId: string, customTopicId?: string | null, current?: string | null) {
    if (!customTopicId) return;
    const topic = await this.repository.findTopic(customTopicId);
    if (!topic || topic.networkId !== networkId) throw validation('customTopicId', 'unknown_topic');
    if (topic.archivedAt && topic.id !== current) throw validation('customTopicId', 'archived_topic');
  }
}

function topicOut(topic: { id: string; networkId: string; name: string; archivedAt: Date | null }) {
  return { id: topic.id, networkId: topic.networkId, name: topic.name, archivedAt: topic.archivedAt?.toISOString() ?? null };
}

function translationData(input: MaterialTranslationInput) {
  return { ...input, summary: input.summary ?? '', tags: [...new Set(input.tags ?? [])] };
}

/** Links carry a URL and no file; every other kind carries a file and no URL. */
function checkLink(kind: string, translation: MaterialTranslationInput) {
  if (kind === 'LINK' && !translation.externalUrl) throw validation('translation.externalUrl', 'required_for_link');
  if (kind !== 'LINK' && translation.externalUrl) throw validation('translation.externalUrl', 'only_for_link');
}

function validation(field: string, code: string) {
  return new AppError('VALIDATION_FAILED', 'The request is not valid.', {
    fields: { [field]: [{ code, message: code.replace(/_/g, ' ') }] },
  });
}

/** A tampered cursor must answer 400, not reach PostgreSQL as a bad number, date or uuid. */
function afterOf(cursor: string, searching: boolean): [string, string] {
  const [key, id] = decodeCursor(cursor, 2) as [string, string];
  if (!UUID.test(id)) throw invalidCursor();
  const valid = searching ? /^[0-9.e+-]+$/i.test(key) && Number.isFinite(Number(key)) : ISO_TIME.test(key);
  if (!valid) throw invalidCursor();
  return [key, id];
}
