import { Injectable } from '@nestjs/common';
import type { AccreditationFrameworkInput } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export const frameworkTree = {
  sections: {
    orderBy: { position: 'asc' },
    include: { criteria: { orderBy: { position: 'asc' } } },
  },
} as const satisfies Prisma.AccreditationFrameworkInclude;

export type StoredFramework = Prisma.AccreditationFrameworkGetPayload<{ include: typeof frameworkTree }>;

@Injectable()
export class FrameworksRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<StoredFramework | null> {
    return this.prisma.accreditationFramework.findUnique({ where: { id }, include: frameworkTree });
  }

  listForNetwork(networkId: string, publishedOnly: boolean) {
    return this.prisma.accreditationFramework.findMany({
      where: { networkId, ...(publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
      include: { _count: { select: { criteria: true } } },
      orderBy: [{ status: 'asc' }, { updatedAt: 'desc' }],
    });
  }

  create(networkId: string, createdById: string, input: AccreditationFrameworkInput) {
    return this.prisma.$transaction(async (tx) => {
      const framework = await tx.accreditationFramework.create({
        data: {
          networkId,
          createdById,
          titles: input.titles,
          descriptions: input.descriptions ?? {},
          validityMonths: input.validityMonths ?? 36,
        },
      });
      await writeSections(tx, framework.id, input);
      return tx.accreditationFramework.findUniqueOrThrow({ where: { id: framework.id }, include: frameworkTree });
    });
  }

  /** Replaces a draft's texts and its whole tree in one transaction. */
  replace(id: string, input: AccreditationFrameworkInput) {
    return this.prisma.$transaction(async (tx) => {
      await tx.accreditationSection.deleteMany({ where: { frameworkId: id } });
      await tx.accreditationFramework.update({
        where: { id },
        data: {
          titles: input.titles,
          descriptions: input.descriptions ?? {},
          validityMonths: input.validityMonths ?? 36,
        },
      });
      await writeSections(tx, id, input);
      return tx.accreditationFramework.findUniqueOrThrow({ where: { id }, include: frameworkTree });
    });
  }

  setStatus(id: string, status: 'PUBLISHED' | 'ARCHIVED') {
    return this.prisma.accreditationFramework.update({
      where: { id },
      data: { status, ...(status === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
      include: frameworkTree,
    });
  }
}

async function writeSections(tx: Tx, frameworkId: string, input: AccreditationFrameworkInput) {
  for (const [position, section] of input.sections.entries()) {
    const created = await tx.accreditationSection.create({
      data: { frameworkId, position, titles: section.titles },
    });
    await tx.accreditationCriterion.createMany({
      data: section.criteria.map((criterion, index) => ({
        sectionId: created.id,
        frameworkId,
        position: index,
        titles: criterion.titles,
        guidance: criterion.guidance ?? {},
        evidenceDescriptions: criterion.evidenceDescriptions ?? {},
        evidenceRequired: criterion.evidenceRequired ?? false,
        requiredCertificateTypeId: criterion.requiredCertificateTypeId ?? null,
      })),
    });
  }
}
