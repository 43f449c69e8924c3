import { Injectable } from '@nestjs/common';
import type { OrganisationSummary, OrganisationType } from '@tadamon/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { foldedSql } from '../../common/text/fold.js';
import { containsPattern } from '../../common/text/search-query.js';
import { arabicQueryForms } from '../../common/text/arabic-clitics.js';

export interface DirectorySearch {
  /** Already narrowed to networks the caller may see. */
  networkIds: string[];
  country?: string;
  type?: OrganisationType;
  q?: string;
  /** Sort key of the last row of the previous page: [country, folded name, id]. */
  after?: [string, string, string];
  take: number;
}

export type DirectoryRow = Omit<OrganisationSummary, 'accreditedUntil'> & { accreditedUntil: Date | null; sortKey: string };

/** Networks and the organisation directory: the only Prisma calls for these reads. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  listNetworks(networkIds: string[]) {
    return this.prisma.network.findMany({
      where: { id: { in: networkIds } },
      select: { id: true, slug: true, name: true, description: true, timeZone: true, _count: { select: { organisations: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  /** Counts for one network: organisations by country and type, and active members. */
  async networkStats(networkId: string) {
    const [byCountry, byType, memberCount] = await Promise.all([
      this.prisma.organisation.groupBy({
        by: ['country'],
        where: { networkId },
        _count: { _all: true },
        orderBy: { country: 'asc' },
      }),
      this.prisma.organisation.groupBy({
        by: ['type'],
        where: { networkId },
        _count: { _all: true },
        orderBy: { type: 'asc' },
      }),
      this.prisma.user.count({
        where: { disabledAt: null, memberships: { some: { organisation: { networkId } } } },
      }),
    ]);
    return {
      byCountry: byCountry.map((row) => ({ country: row.country, organisations: row._count._all })),
      byType: byType.map((row) => ({ type: row.type, organisations: row._count._all })),
      memberCount,
    };
  }

  /**
   * Raw SQL because Prisma cannot filter or sort on an expression: names are compared and
   * ordered folded (case and accents removed), so "Émergence" sorts among the E's and the
   * keyset condition uses exactly the expression the ORDER BY uses.
   */
  search(search: DirectorySearch): Promise<DirectoryRow[]> {
    if (search.networkIds.length === 0) return Promise.resolve([]);
    const name = foldedSql(Prisma.raw('o."name"'));
    const city = foldedSql(Prisma.raw('o."city"'));
    const conditions: Prisma.Sql[] = [Prisma.sql`o."networkId" = ANY(${search.networkIds}::uuid[])`];
    if (search.country) conditions.push(Prisma.sql`o."country" = ${search.country}`);
    if (search.type) conditions.push(Prisma.sql`o."type"::text = ${search.type}`);
    if (search.q) {
      // Names are matched anywhere, so "الأمل" already finds "والأمل"; a query typed with
      // its prefixes ("وبالأمل") also looks for the bare word (common/text/arabic-clitics.ts).
      const words = search.q.trim().split(/\s+/);
      const variants = words.length === 1 ? arabicQueryForms(words[0]!) : [search.q];
      const matches = variants.map((variant) => {
        const pattern = containsPattern(variant);
        return Prisma.sql`${name} LIKE ${pattern} OR ${city} LIKE ${pattern}`;
      });
      conditions.push(Prisma.sql`(${Prisma.join(matches, ' OR ')})`);
    }
    if (search.after) {
      const [country, key, id] = search.after;
      conditions.push(Prisma.sql`(o."country"::text, ${name}, o."id") > (${country}, ${key}, ${id}::uuid)`);
    }
    return this.prisma.$queryRaw<DirectoryRow[]>`
      SELECT o."id", o."networkId", o."name", o."type"::text AS "type", o."country"::text AS "country",
             o."city", o."languages", COALESCE(o."timeZone", n."timeZone") AS "timeZone",
             o."accreditedUntil", ${name} AS "sortKey"
        FROM "Organisation" o
        JOIN "Network" n ON n."id" = o."networkId"
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY o."country"::text, ${name}, o."id"
       LIMIT ${search.take}`;
  }
}
