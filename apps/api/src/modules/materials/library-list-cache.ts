import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { PrismaService } from '../../common/database/prisma.service.js';
import { EncodedJson } from '../../common/http/encoded-json.js';
import type { MaterialScope } from './material-scope.js';

/**
 * Library pages (list and search answers) kept per reader scope, language and query, under
 * the library's generation: a counter that every committed change to what the list shows
 * raises (triggers of the library_generation migration). A change is therefore seen by the
 * very next request in every API process; nothing needs to be told to forget anything.
 *
 * Why: a search for a common word makes PostgreSQL gather every match from the index before it
 * can rank a few hundred of them (several milliseconds for a word in a third of the library),
 * while the people of one organisation share one scope and search the same words, and page
 * through the same answer. Reading the counter is one primary-key lookup.
 *
 * The generation is read before the page is computed, so a page cached under a value is never
 * older than that value (it may be newer, which only means it is replaced sooner).
 * Pages are kept serialised (and compressed once per encoding, see EncodedJson): a cached
 * answer costs no JSON work.
 */
@Injectable()
export class LibraryListCache {
  // `fetch` shares one computation between concurrent requests for the same page: after a
  // change raises the generation, the people searching a popular word at that moment cause one
  // search, not one each. A failed computation is not kept.
  private readonly pages = new LRUCache<string, EncodedJson, () => Promise<object>>({
    max: 2_000,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (page) => page.json.length,
    ttl: 15 * 60_000,
    fetchMethod: async (_key, _stale, { context: compute }) => new EncodedJson(await compute()),
  });

  constructor(private readonly prisma: PrismaService) {}

  async read(scope: MaterialScope, language: string, query: object, compute: () => Promise<object>): Promise<EncodedJson> {
    const key = `${await this.generation()}\u0000${scopeKey(scope)}\u0000${language}\u0000${JSON.stringify(query)}`;
    return this.pages.forceFetch(key, { context: compute });
  }

  private async generation(): Promise<string> {
    const [row] = await this.prisma.$queryRaw<{ value: bigint }[]>`SELECT "value" FROM "LibraryGeneration" WHERE "id" = 1`;
    return String(row?.value ?? 0n);
  }
}

/** Readers with the same memberships see the same library; order of ids does not matter. */
function scopeKey(scope: MaterialScope): string {
  if (scope.all) return 'all';
  const ids = (list: string[]) => [...list].sort().join(',');
  return [scope.networkIds, scope.organisationIds, scope.coordinatorNetworkIds, scope.leaderOrganisationIds].map(ids).join('|');
}
