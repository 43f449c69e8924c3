import { Injectable } from '@nestjs/common';
import type { ReportMetric } from '@tadamon/shared';
import { PrismaService } from '../../../common/database/prisma.service.js';

export interface TargetFields {
  country: string | null;
  metric: ReportMetric;
  targetValue: number;
  periodStart: Date;
  periodEnd: Date;
  note: string;
}

const TARGET = {
  id: true,
  networkId: true,
  country: true,
  metric: true,
  targetValue: true,
  periodStart: true,
  periodEnd: true,
  note: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

@Injectable()
export class TargetsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A network's targets, those ending soonest first, then by metric and country. */
  listForNetwork(networkId: string) {
    return this.prisma.reportTarget.findMany({
      where: { networkId },
      select: TARGET,
      orderBy: [{ periodEnd: 'asc' }, { metric: 'asc' }, { country: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
    });
  }

  find(id: string) {
    return this.prisma.reportTarget.findUnique({ where: { id }, select: TARGET });
  }

  create(networkId: string, createdById: string, fields: TargetFields) {
    return this.prisma.reportTarget.create({ data: { networkId, createdById, ...fields }, select: TARGET });
  }

  update(id: string, fields: TargetFields) {
    return this.prisma.reportTarget.update({ where: { id }, data: fields, select: TARGET });
  }

  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.reportTarget.deleteMany({ where: { id } });
    return count > 0;
  }
}

export type StoredTarget = NonNullable<Awaited<ReturnType<TargetsRepository['find']>>>;
