import { Injectable } from '@nestjs/common';
import type { NetworkAdmin } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';

export interface NetworkFields {
  name: string;
  description: string;
  fallbackLanguages: string[];
  timeZone: string;
}

const select = {
  id: true,
  slug: true,
  name: true,
  description: true,
  fallbackLanguages: true,
  timeZone: true,
  createdAt: true,
  _count: { select: { organisations: true } },
} as const;

type Row = {
  id: string;
  slug: string;
  name: string;
  description: string;
  fallbackLanguages: string[];
  timeZone: string;
  createdAt: Date;
  _count: { organisations: number };
};

function toNetwork(row: Row): NetworkAdmin {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    languages: row.fallbackLanguages,
    timeZone: row.timeZone,
    organisationCount: row._count.organisations,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The only place Prisma is called for network administration. */
@Injectable()
export class NetworksAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(networkIds: string[]): Promise<NetworkAdmin[]> {
    const rows = await this.prisma.network.findMany({ where: { id: { in: networkIds } }, select, orderBy: { name: 'asc' } });
    return rows.map(toNetwork);
  }

  async find(id: string): Promise<NetworkAdmin | null> {
    const row = await this.prisma.network.findUnique({ where: { id }, select });
    return row ? toNetwork(row) : null;
  }

  /** Names are compared case-insensitively: two networks called "INSP!R" would confuse everyone. */
  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const found = await this.prisma.network.findFirst({
      where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    return !!found;
  }

  async slugsStartingWith(base: string): Promise<string[]> {
    const rows = await this.prisma.network.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    return rows.map((r) => r.slug);
  }

  async create(slug: string, fields: NetworkFields): Promise<NetworkAdmin> {
    return toNetwork(await this.prisma.network.create({ data: { slug, ...fields }, select }));
  }

  async update(id: string, fields: Partial<NetworkFields>): Promise<NetworkAdmin> {
    return toNetwork(await this.prisma.network.update({ where: { id }, data: fields, select }));
  }
}
