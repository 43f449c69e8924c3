import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { visibleSql, type MaterialScope } from './material-scope.js';

export interface MaterialSearch {
  scope: MaterialScope;
  /** The reader's language, tried before each network's fallback order. */
  language: string;
  /** A tsquery in text form (see `prefixQuery`), or none for the plain list. */
  tsQuery?: string;
  networkId?: string;
  standardTopic?: string;
  customTopicId?: string;
  audience?: string;
  kind?: string;
  /** Only materials with a version in this language. */
  hasLanguage?: string;
  /** Keyset of the previous page's last row: [rank or updatedAt, id]. */
  after?: [string, string];
  take: number;
}

export interface MaterialRow {
  id: string;
  networkId: string;
  organisationId: string | null;
  organisationName: string | null;
  kind: string;
  standardTopic: string | null;
  customTopicId: string | null;
  customTopicName: string | null;
  audience: string;
  visibility: string;
  updatedAt: Date;
  language: string;
  title: string;
  summary: string;
  tags: string[];
  status: string | null;
  languages: string[];
  rank: string | null;
}

/**
 * Each word the person typed, as a prefix ("organis" finds "organising"), all required.
 * Letters, digits and combining marks only, so nothing can break the tsquery syntax.
 */
export function prefixQuery(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words.slice(0, 8).map((word) => `${word}:*`).join(' & ');
}

/** The library list and full-text search: raw SQL because ranking, folding and the language choice are expressions. */
@Injectable()
export class MaterialSearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  search(s: MaterialSearch): Promise<MaterialRow[]> {
    const conditions: Prisma.Sql[] = [visibleSql(s.scope)];
    if (s.networkId) conditions.push(Prisma.sql`m."networkId" = ${s.networkId}::uuid`);
    if (s.standardTopic) conditions.push(Prisma.sql`m."standardTopic"::text = ${s.standardTopic}`);
    if (s.customTopicId) conditions.push(Prisma.sql`m."customTopicId" = ${s.customTopicId}::uuid`);
    if (s.audience) conditions.push(Prisma.sql`m."audience"::text = ${s.audience}`);
    if (s.kind) conditions.push(Prisma.sql`m."kind"::text = ${s.kind}`);
    if (s.hasLanguage) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "MaterialTranslation" lt
        WHERE lt."materialId" = m."id" AND lt."language" = ${s.hasLanguage})`);
    }
    const searching = s.tsQuery !== undefined;
    // Best-ranked language version of each material that matches; the GIN index on
    // "searchVector" finds the candidates.
    const hits = searching
      ? Prisma.sql`JOIN (SELECT t."materialId", max(ts_rank(t."searchVector", query)) AS rank
                     FROM "MaterialTranslation" t, to_tsquery('simple', tadamon_fold(${s.tsQuery})) query
                    WHERE t."searchVector" @@ query
                    GROUP BY t."materialId") hits ON hits."materialId" = m."id"`
      : Prisma.empty;
    if (s.after) {
      const [key, id] = s.after;
      conditions.push(
        searching
          ? Prisma.sql`(hits.rank, m."id") < (${key}::real, ${id}::uuid)`
          : Prisma.sql`(m."updatedAt", m."id") < (${key}::timestamptz, ${id}::uuid)`,
      );
    }
    const order = searching ? Prisma.sql`hits.rank DESC, m."id" DESC` : Prisma.sql`m."updatedAt" DESC, m."id" DESC`;
    // Two steps: first the page of ids (filters, visibility, order, limit), then the display
    // columns for those few rows only; otherwise the per-material lookups below would run
    // for every match before the sort.
    return this.prisma.$queryRaw<MaterialRow[]>`
      WITH page AS (
        SELECT m."id", ${searching ? Prisma.sql`hits.rank` : Prisma.sql`NULL::real`} AS "rank"
          FROM "Material" m
          ${hits}
         WHERE ${Prisma.join(conditions, ' AND ')}
         ORDER BY ${order}
         LIMIT ${s.take})
      SELECT m."id", m."networkId", m."organisationId", o."name" AS "organisationName", m."kind"::text AS "kind",
             m."standardTopic"::text AS "standardTopic", m."customTopicId", ct."name" AS "customTopicName",
             m."audience"::text AS "audience", m."visibility"::text AS "visibility", m."updatedAt",
             shown."language", shown."title", shown."summary", shown."tags", shown."status", langs."languages",
             page."rank"::text AS "rank"
        FROM page
        JOIN "Material" m ON m."id" = page."id"
        JOIN "Network" n ON n."id" = m."networkId"
        LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
        LEFT JOIN "MaterialTopic" ct ON ct."id" = m."customTopicId"
        CROSS JOIN LATERAL (
          SELECT t."language", t."title", t."summary", t."tags", f."status"::text AS "status"
            FROM "MaterialTranslation" t LEFT JOIN "MaterialFile" f ON f."id" = t."currentFileId"
           WHERE t."materialId" = m."id"
           ORDER BY (t."externalUrl" IS NOT NULL OR f."status" = 'READY') DESC,
                    array_position(ARRAY[${s.language}]::text[] || n."fallbackLanguages", t."language") NULLS LAST,
                    t."createdAt"
           LIMIT 1) shown
        CROSS JOIN LATERAL (
          SELECT array_agg(t."language" ORDER BY t."language") AS "languages"
            FROM "MaterialTranslation" t WHERE t."materialId" = m."id") langs
       ORDER BY ${searching ? Prisma.sql`page."rank" DESC, m."id" DESC` : Prisma.sql`m."updatedAt" DESC, m."id" DESC`}`;
  }
}
