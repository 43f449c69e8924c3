import { Injectable } from '@nestjs/common';
import type { MaterialCreate, MaterialTranslationInput } from '@tadamon/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { visibleWhereIn, type MaterialScope } from './material-scope.js';

const fileInclude = {
  uploadedBy: { select: { name: true } },
  derivatives: {
    orderBy: { kind: 'asc' },
    select: { kind: true, status: true, failureReason: true, sizeBytes: true, width: true, height: true },
  },
} satisfies Prisma.MaterialFileInclude;

export const materialDetailInclude = {
  network: { select: { fallbackLanguages: true } },
  organisation: { select: { name: true } },
  customTopic: { select: { id: true, name: true } },
  translations: { orderBy: { createdAt: 'asc' }, include: { currentFile: { include: fileInclude } } },
} satisfies Prisma.MaterialInclude;

export type MaterialWithDetail = Prisma.MaterialGetPayload<{ include: typeof materialDetailInclude }>;
export type MaterialFileWithUploader = Prisma.MaterialFileGetPayload<{ include: typeof fileInclude }>;

type TranslationData = Omit<MaterialTranslationInput, 'summary' | 'tags'> & { summary: string; tags: string[] };

/** The only Prisma calls of the material library (search is in MaterialSearchRepository). */
@Injectable()
export class MaterialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findVisible(id: string, scope: MaterialScope) {
    return this.prisma.material.findFirst({ where: { id, ...visibleWhereIn(scope) }, include: materialDetailInclude });
  }

  /** Those of `ids` that also match `where`, with the fields `select` asks for (for `MaterialLookup`). */
  findAmong<S extends Prisma.MaterialSelect>(ids: string[], where: Prisma.MaterialWhereInput, select: S, db: Prisma.TransactionClient = this.prisma) {
    return db.material.findMany({ where: { AND: [{ id: { in: ids } }, where] }, select }) as Promise<Prisma.MaterialGetPayload<{ select: S }>[]>;
  }

  findTopic(id: string, db: Prisma.TransactionClient = this.prisma) {
    return db.materialTopic.findUnique({ where: { id } });
  }

  listTopics(networkIds: string[], includeArchived = false) {
    return this.prisma.materialTopic.findMany({
      where: { networkId: { in: networkIds }, ...(includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  createTopic(networkId: string, name: string) {
    return this.prisma.materialTopic.create({ data: { networkId, name } });
  }

  updateTopic(id: string, data: { name?: string; archivedAt?: Date | null }) {
    return this.prisma.materialTopic.update({ where: { id }, data });
  }

  /** The material and its first language version together, or neither. */
  create(data: Omit<MaterialCreate, 'translation'> & { createdById: string }, translation: TranslationData) {
    return this.prisma.material.create({
      data: {
        networkId: data.networkId,
        organisationId: data.organisationId ?? null,
        kind: data.kind,
        standardTopic: data.standardTopic ?? null,
        customTopicId: data.customTopicId ?? null,
        audience: data.audience,
        visibility: data.visibility,
        partner: data.partner ?? '',
        licence: data.licence ?? '',
        createdById: data.createdById,
        translations: { create: { ...translation, externalUrl: translation.externalUrl ?? null } },
      },
      include: materialDetailInclude,
    });
  }

  update(id: string, data: Prisma.MaterialUncheckedUpdateInput) {
    return this.prisma.material.update({ where: { id }, data, include: materialDetailInclude });
  }

  async addTranslation(materialId: string, translation: TranslationData) {
    await this.prisma.$transaction([
      this.prisma.materialTranslation.create({
        data: { materialId, ...translation, externalUrl: translation.externalUrl ?? null },
      }),
      this.prisma.material.update({ where: { id: materialId }, data: { updatedAt: new Date() } }),
    ]);
  }

  findTranslation(id: string) {
    return this.prisma.materialTranslation.findUnique({
      where: { id },
      select: { id: true, materialId: true, material: { select: { networkId: true, organisationId: true, kind: true } } },
    });
  }

  listFiles(translationId: string) {
    return this.prisma.materialFile.findMany({
      where: { translationId },
      orderBy: { version: 'desc' },
      include: fileInclude,
    });
  }

  findFile(id: string) {
    return this.prisma.materialFile.findUnique({
      where: { id },
      include: { translation: { select: { materialId: true, currentFileId: true, material: { select: { kind: true } } } } },
    });
  }

  /**
   * Records a finished upload as the next version and makes it current, in one transaction;
   * the version number comes from a row lock on the translation so two uploads cannot collide.
   */
  addFileVersion(data: {
    id: string;
    translationId: string;
    originalName: string;
    mimeType: string;
    sizeBytes: number;
    storageKey: string;
    uploadedById: string;
  }, alsoInTransaction: (tx: Prisma.TransactionClient) => Promise<void>) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "MaterialTranslation" WHERE "id" = ${data.translationId}::uuid FOR UPDATE`;
      const last = await tx.materialFile.aggregate({ where: { translationId: data.translationId }, _max: { version: true } });
      const file = await tx.materialFile.create({
        data: { ...data, sizeBytes: BigInt(data.sizeBytes), version: (last._max.version ?? 0) + 1 },
      });
      const translation = await tx.materialTranslation.update({
        where: { id: data.translationId },
        data: { currentFileId: file.id, extractedText: '' },
        select: { materialId: true },
      });
      await tx.material.update({ where: { id: translation.materialId }, data: { updatedAt: new Date() } });
      await alsoInTransaction(tx);
      return file;
    });
  }

  /**
   * Deletes the material with its language versions and file rows (cascade) in one transaction
   * and answers the storage keys of its files, for the job that removes the bytes. The row lock
   * makes a concurrent upload's version number wait and then find no language version.
   */
  deleteMaterial(id: string, alsoInTransaction: (tx: Prisma.TransactionClient, storageKeys: string[]) => Promise<void>) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Material" WHERE "id" = ${id}::uuid FOR UPDATE`;
      const files = await tx.materialFile.findMany({ where: { translation: { materialId: id } }, select: { storageKey: true } });
      await tx.material.delete({ where: { id } });
      const storageKeys = files.map((file) => file.storageKey);
      await alsoInTransaction(tx, storageKeys);
      return storageKeys;
    });
  }

  /** Points the language version back at an older file; its text becomes the searched text. */
  restoreFile(translationId: string, fileId: string, extractedText: string) {
    return this.prisma.$transaction(async (tx) => {
      const translation = await tx.materialTranslation.update({
        where: { id: translationId },
        data: { currentFileId: fileId, extractedText },
        select: { materialId: true },
      });
      await tx.material.update({ where: { id: translation.materialId }, data: { updatedAt: new Date() } });
    });
  }

  /** Stores what processing found; the searched text follows only while the file is current. */
  /** `also` (the next step's job, for a READY file) commits with the result. */
  finishProcessing(
    fileId: string,
    result: { status: 'READY' | 'FAILED'; failureReason?: string; pageCount?: number | null; extractedText?: string },
    also: AlsoInTransaction = nothingElse,
  ) {
    return this.prisma.$transaction(async (tx) => {
      const file = await tx.materialFile.update({
        where: { id: fileId },
        data: {
          status: result.status,
          failureReason: result.failureReason ?? null,
          pageCount: result.pageCount ?? null,
          extractedText: result.extractedText ?? '',
          processedAt: new Date(),
        },
      });
      await tx.materialTranslation.updateMany({
        where: { id: file.translationId, currentFileId: fileId },
        data: { extractedText: result.extractedText ?? '' },
      });
      await also(tx);
      return file;
    });
  }
}
