import { Injectable } from '@nestjs/common';
import type { CertificateTypeCreate, CertificateTypeUpdate } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';

/** The only place certificate types touch Prisma. */
@Injectable()
export class CertificateTypesRepository {
  constructor(private readonly prisma: PrismaService) {}

  listForNetwork(networkId: string) {
    return this.prisma.certificateType.findMany({ where: { networkId }, orderBy: { createdAt: 'asc' } });
  }

  findById(id: string) {
    return this.prisma.certificateType.findUnique({ where: { id } });
  }

  create(networkId: string, createdById: string, input: CertificateTypeCreate) {
    return this.prisma.certificateType.create({ data: { networkId, createdById, ...input } });
  }

  update(id: string, input: CertificateTypeUpdate) {
    return this.prisma.certificateType.update({ where: { id }, data: input });
  }
}
