import { Injectable } from '@nestjs/common';
import type { MaterialDerivativeKind } from '@tadamon/shared';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

type DerivativeState = 'PROCESSING' | 'READY' | 'FAILED' | 'UNAVAILABLE';

/** The Prisma calls of media processing: metadata on file versions and their derived files. */
@Injectable()
export class MaterialMediaRepository {
  constructor(private readonly prisma: PrismaService) {}

  findFile(id: string) {
    return this.prisma.materialFile.findUnique({
      where: { id },
      select: { id: true, status: true, mimeType: true, storageKey: true, originalName: true },
    });
  }

  /** The derived files to make and, through `also` (their render jobs), the work: all or nothing. */
  async plan(fileId: string, kinds: MaterialDerivativeKind[], also: AlsoInTransaction) {
    await this.prisma.$transaction(async (tx) => {
      await this.listIn(tx, fileId, kinds);
      await also(tx);
    });
  }

  /** One row per planned derived file (PROCESSING), made once; a second run finds them there. */
  async listIn(tx: Prisma.TransactionClient, fileId: string, kinds: MaterialDerivativeKind[]) {
    if (kinds.length === 0) return;
    await tx.materialFileDerivative.createMany({ data: kinds.map((kind) => ({ fileId, kind })), skipDuplicates: true });
  }

  saveMetadata(fileId: string, data: { durationMs?: number | null; width?: number | null; height?: number | null }) {
    return this.prisma.materialFile.update({ where: { id: fileId }, data });
  }

  findDerivative(fileId: string, kind: MaterialDerivativeKind) {
    return this.prisma.materialFileDerivative.findUnique({ where: { fileId_kind: { fileId, kind } } });
  }

  /** Counts this run; answers which run it is. */
  async startAttempt(id: string): Promise<number> {
    const row = await this.prisma.materialFileDerivative.update({
      where: { id },
      data: { attempts: { increment: 1 }, status: 'PROCESSING' },
      select: { attempts: true },
    });
    return row.attempts;
  }

  finish(
    id: string,
    status: DerivativeState,
    result: { failureReason?: string | null; storageKey?: string; mimeType?: string; sizeBytes?: number; width?: number | null; height?: number | null } = {},
  ) {
    return this.prisma.materialFileDerivative.update({
      where: { id },
      data: {
        status,
        failureReason: result.failureReason ?? null,
        storageKey: result.storageKey ?? null,
        mimeType: result.mimeType ?? null,
        sizeBytes: result.sizeBytes === undefined ? null : BigInt(result.sizeBytes),
        width: result.width ?? null,
        height: result.height ?? null,
      },
    });
  }

  findReady(fileId: string, kind: MaterialDerivativeKind) {
    return this.prisma.materialFileDerivative.findFirst({
      where: { fileId, kind, status: 'READY', storageKey: { not: null } },
    });
  }
}
