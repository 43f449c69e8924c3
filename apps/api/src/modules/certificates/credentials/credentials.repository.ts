import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../common/database/prisma.service.js';
import { Prisma } from '../../../generated/prisma/client.js';

/** The only place credential keys and status data touch Prisma. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findNetwork(networkId: string) {
    return this.prisma.network.findUnique({ where: { id: networkId }, select: { id: true, name: true } });
  }

  findKey(networkId: string) {
    return this.prisma.networkIssuerKey.findUnique({ where: { networkId } });
  }

  /** Stores a new key unless another process stored one first; returns the key that won. */
  async createKeyOnce(networkId: string, publicKeyMultibase: string, secretKeyEncrypted: string) {
    await this.prisma.networkIssuerKey.createMany({
      data: [{ networkId, publicKeyMultibase, secretKeyEncrypted }],
      skipDuplicates: true,
    });
    return this.prisma.networkIssuerKey.findUniqueOrThrow({ where: { networkId } });
  }

  async revokedIndexes(networkId: string): Promise<number[]> {
    const rows = await this.prisma.certificate.findMany({
      where: { networkId, revokedAt: { not: null } },
      select: { statusListIndex: true },
      orderBy: { statusListIndex: 'asc' },
    });
    return rows.map((r) => r.statusListIndex);
  }

  /** Keeps the first signed credential: later downloads get exactly the same document. */
  async saveCredentialOnce(certificateId: string, credential: object) {
    await this.prisma.certificate.updateMany({ where: { id: certificateId, credential: { equals: Prisma.DbNull } }, data: { credential } });
    const stored = await this.prisma.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { credential: true } });
    return stored.credential as object;
  }
}
