import { Injectable } from '@nestjs/common';
import type { CertificateTypeCreate, CertificateTypeUpdate } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';

/** What a rule stores; `null` for a type only assessors issue. */
export interface StoredRule {
  courseIds: string[];
  learningPathId: string | null;
  renewalCourseId: string | null;
}

type TypeFields = Omit<CertificateTypeCreate, 'earnedBy' | 'renewalCourseId'>;
type TypeChanges = Omit<CertificateTypeUpdate, 'earnedBy' | 'renewalCourseId'>;

const withRule = { rule: true } as const;

/** The only place certificate types touch Prisma. */
@Injectable()
export class CertificateTypesRepository {
  constructor(private readonly prisma: PrismaService) {}

  listForNetwork(networkId: string) {
    return this.prisma.certificateType.findMany({ where: { networkId }, orderBy: { createdAt: 'asc' }, include: withRule });
  }

  findById(id: string) {
    return this.prisma.certificateType.findUnique({ where: { id }, include: withRule });
  }

  /** The type and its rule in one statement: either both exist afterwards or neither. */
  create(networkId: string, createdById: string, input: TypeFields, rule: StoredRule | null) {
    return this.prisma.certificateType.create({
      data: { networkId, createdById, ...input, ...(rule ? { rule: { create: rule } } : {}) },
      include: withRule,
    });
  }

  /**
   * Changes the type and, when `rule` is given (null: none any more), replaces its rule — in one
   * transaction, so a failure leaves the old type and rule whole. Certificates already issued
   * are not touched: a rule only decides what future completions earn.
   */
  update(id: string, input: TypeChanges, rule: StoredRule | null | undefined) {
    return this.prisma.$transaction(async (tx) => {
      await tx.certificateType.update({ where: { id }, data: input });
      if (rule !== undefined) {
        await tx.certificateTypeRule.deleteMany({ where: { certificateTypeId: id } });
        if (rule) await tx.certificateTypeRule.create({ data: { certificateTypeId: id, ...rule } });
      }
      return tx.certificateType.findUniqueOrThrow({ where: { id }, include: withRule });
    });
  }

  coursesByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.course.findMany({
      where: { id: { in: ids } },
      select: { id: true, networkId: true, status: true, titles: true },
    });
  }

  pathsByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.learningPath.findMany({
      where: { id: { in: ids } },
      select: { id: true, networkId: true, status: true, titles: true },
    });
  }

  fallbackLanguages(networkId: string) {
    return this.prisma.network
      .findUniqueOrThrow({ where: { id: networkId }, select: { fallbackLanguages: true } })
      .then((n) => n.fallbackLanguages);
  }
}
