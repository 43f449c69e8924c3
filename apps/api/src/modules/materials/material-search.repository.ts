import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { MATERIAL_COLUMNS, TRANSLATION_COLUMNS, editableSql, visibleSql, type MaterialScope } from './material-scope.js';

export interface MaterialSearch {
  scope: MaterialScope;
  /** The reader's language, tried before each network's fallback order. */
  language: string;
  /** A tsquery in text form (see `prefixQuery` in common/text/search-query), or none for the plain list. */
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
  /** The shown version's current file, for the list's thumbnail, page count and length. */
  fileId: string | null;
  pageCount: number | null;
  durationMs: number | null;
  hasThumbnail: boolean;
}

/** How many matching language versions a search ranks at most (see `rankedPage`). */
export const SEARCH_CANDIDATES = 500;

function hasLanguageSql(materialId: string, language: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "MaterialTranslation" lt
    WHERE lt."materialId" = ${Prisma.raw(materialId)} AND lt."language" = ${language})`;
}

/** The same for a matching language version `t`: its own language answers without a lookup. */
function versionHasLanguageSql(language: string) {
  return Prisma.sql`(t."language" = ${language} OR ${hasLanguageSql('t."materialId"', language)})`;
}

/**
 * A language version's own words find its material only once that version is published (a
 * link, or a READY current file: the column its triggers keep), except for the material's
 * editors: otherwise the title or text of a version still being processed would make a
 * published material findable by words no reader can see yet.
 */
function publishedVersionSql(scope: MaterialScope) {
  if (scope.all) return Prisma.sql`TRUE`;
  return Prisma.sql`(${editableSql(scope, TRANSLATION_COLUMNS)} OR t."published")`;
}

/** The library list and full-text search: raw SQL because ranking, folding and the language choice are expressions. */
@Injectable()
export class MaterialSearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  search(s: MaterialSearch): Promise<MaterialRow[]> {
    return s.tsQuery === undefined ? this.query(this.newestPage(s), s) : this.query(this.rankedPage(s, s.tsQuery), s);
  }

  /** The plain list: visible materials, newest first, keyset on (updatedAt, id). */
  private newestPage(s: MaterialSearch): Prisma.Sql {
    const conditions: Prisma.Sql[] = [visibleSql(s.scope, MATERIAL_COLUMNS)];
    if (s.networkId) conditions.push(Prisma.sql`m."networkId" = ${s.networkId}::uuid`);
    if (s.standardTopic) conditions.push(Prisma.sql`m."standardTopic"::text = ${s.standardTopic}`);
    if (s.customTopicId) conditions.push(Prisma.sql`m."customTopicId" = ${s.customTopicId}::uuid`);
    if (s.audience) conditions.push(Prisma.sql`m."audience"::text = ${s.audience}`);
    if (s.kind) conditions.push(Prisma.sql`m."kind"::text = ${s.kind}`);
    if (s.hasLanguage) conditions.push(hasLanguageSql('m."id"', s.hasLanguage));
    if (s.after) {
      const [key, id] = s.after;
      conditions.push(Prisma.sql`(m."updatedAt", m."id") < (${key}::timestamptz, ${id}::uuid)`);
    }
    return Prisma.sql`
      SELECT m."id", NULL::real AS "rank", m."updatedAt" AS "sortTime"
        FROM "Material" m
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY m."updatedAt" DESC, m."id" DESC
       LIMIT ${s.take}`;
  }

  /**
   * Relevance order, bounded: the GIN index finds the matching language versions, the scope
   * and filter columns copied onto them (see the search_scope_columns migration) drop what the
   * actor may not see on the same row, and of the survivors the SEARCH_CANDIDATES most recently
   * changed are ranked. Ranking every match (thousands for a common word) reads each one's
   * tsvector, which is what made a search slow; past a few hundred matches a person refines the
   * words instead of paging, and the newest are kept so that a fresh upload is always among
   * them. The candidate set depends only on the data and the query, so the keyset (rank, id)
   * pages through it stably.
   */
  private rankedPage(s: MaterialSearch, tsQuery: string): Prisma.Sql {
    const query = Prisma.sql`to_tsquery('simple', tadamon_fold(${tsQuery}))`;
    const conditions: Prisma.Sql[] = [
      Prisma.sql`t."searchVector" @@ ${query}`,
      visibleSql(s.scope, TRANSLATION_COLUMNS),
      publishedVersionSql(s.scope),
    ];
    if (s.networkId) conditions.push(Prisma.sql`t."scopeNetworkId" = ${s.networkId}::uuid`);
    if (s.standardTopic) conditions.push(Prisma.sql`t."scopeStandardTopic"::text = ${s.standardTopic}`);
    if (s.customTopicId) conditions.push(Prisma.sql`t."scopeCustomTopicId" = ${s.customTopicId}::uuid`);
    if (s.audience) conditions.push(Prisma.sql`t."scopeAudience"::text = ${s.audience}`);
    if (s.kind) conditions.push(Prisma.sql`t."scopeKind"::text = ${s.kind}`);
    if (s.hasLanguage) conditions.push(versionHasLanguageSql(s.hasLanguage));
    const after = s.after ? Prisma.sql`WHERE (hits."rank", hits."id") < (${s.after[0]}::real, ${s.after[1]}::uuid)` : Prisma.empty;
    // The candidates are chosen before ts_rank runs (a subquery with its own LIMIT), so only
    // they have their tsvector read.
    return Prisma.sql`
      SELECT hits."id", hits."rank", NULL::timestamptz AS "sortTime"
        FROM (SELECT candidates."materialId" AS "id", max(ts_rank(candidates."searchVector", ${query})) AS "rank"
                FROM (SELECT t."materialId", t."searchVector"
                        FROM "MaterialTranslation" t
                       WHERE ${Prisma.join(conditions, ' AND ')}
                       ORDER BY t."updatedAt" DESC, t."id" DESC
                       LIMIT ${SEARCH_CANDIDATES}) candidates
               GROUP BY candidates."materialId") hits
       ${after}
       ORDER BY hits."rank" DESC, hits."id" DESC
       LIMIT ${s.take}`;
  }

  /** The display columns, language choice and list media, for the page's rows only. */
  private query(page: Prisma.Sql, s: MaterialSearch): Promise<MaterialRow[]> {
    // Two steps: first the page of ids (filters, visibility, order, limit), then the display
    // columns for those few rows only; otherwise the per-material lookups below would run
    // for every match before the sort.
    return this.prisma.$queryRaw<MaterialRow[]>`
      WITH page AS (${page})
      SELECT m."id", m."networkId", m."organisationId", o."name" AS "organisationName", m."kind"::text AS "kind",
             m."standardTopic"::text AS "standardTopic", m."customTopicId", ct."name" AS "customTopicName",
             m."audience"::text AS "audience", m."visibility"::text AS "visibility", m."updatedAt",
             shown."language", shown."title", shown."summary", shown."tags", shown."status", langs."languages",
             page."rank"::text AS "rank", shown."fileId", shown."pageCount", shown."durationMs",
             EXISTS (SELECT 1 FROM "MaterialFileDerivative" d
                      WHERE d."fileId" = shown."fileId" AND d."kind" = 'THUMBNAIL' AND d."status" = 'READY') AS "hasThumbnail"
        FROM page
        JOIN "Material" m ON m."id" = page."id"
        JOIN "Network" n ON n."id" = m."networkId"
        LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
        LEFT JOIN "MaterialTopic" ct ON ct."id" = m."customTopicId"
        CROSS JOIN LATERAL (
          SELECT t."language", t."title", t."summary", t."tags", f."status"::text AS "status",
                 f."id" AS "fileId", f."pageCount", f."durationMs"
            FROM "MaterialTranslation" t LEFT JOIN "MaterialFile" f ON f."id" = t."currentFileId"
           WHERE t."materialId" = m."id"
           ORDER BY t."published" DESC,
                    array_position(ARRAY[${s.language}]::text[] || n."fallbackLanguages", t."language") NULLS LAST,
                    t."createdAt"
           LIMIT 1) shown
        CROSS JOIN LATERAL (
          SELECT array_agg(t."language" ORDER BY t."language") AS "languages"
            FROM "MaterialTranslation" t WHERE t."materialId" = m."id") langs
       ORDER BY page."rank" DESC NULLS LAST, page."sortTime" DESC NULLS LAST, m."id" DESC`;
  }
}
