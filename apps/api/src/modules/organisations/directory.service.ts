import { Injectable } from '@nestjs/common';
import type { DirectoryQuery, NetworkStats } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { DirectoryRepository } from './directory.repository.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Networks and the directory of their organisations, as seen by one person. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: DirectoryRepository,
  ) {}

  async networks(actor: Actor) {
    const rows = await this.repository.listNetworks(await this.access.visibleNetworkIds(actor));
    return {
      items: rows.map(({ _count, ...network }) => ({ ...network, organisationCount: _count.organisations })),
    };
  }

  /** Anyone who can read a network's directory can see its counts. */
  async networkStats(actor: Actor, networkId: string): Promise<NetworkStats> {
    await this.requireVisibleNetwork(actor, networkId);
    const stats = await this.repository.networkStats(networkId);
    const organisationCount = stats.byCountry.reduce((sum, row) => sum + row.organisations, 0);
    return { networkId, organisationCount, ...stats };
  }

  async directory(actor: Actor, query: DirectoryQuery) {
    let networkIds = await this.access.visibleNetworkIds(actor);
    if (query.networkId) {
      await this.requireVisibleNetwork(actor, query.networkId);
      networkIds = [query.networkId];
    }
    const after = query.cursor ? afterOf(query.cursor) : undefined;
    const rows = await this.repository.search({
      networkIds,
      country: query.country,
      type: query.type,
      q: query.q || undefined,
      after,
      take: query.limit + 1,
    });
    const page = pageFrom(rows, query.limit, (row) => [row.country, row.sortKey, row.id]);
    return { items: page.items.map(({ sortKey: _sortKey, accreditedUntil, ...summary }) => ({
        ...summary,
        accreditedUntil: accreditedUntil?.toISOString() ?? null,
      })), nextCursor: page.nextCursor };
  }

  /**
   * Membership of any organisation in the network is enough to read its directory, so this is
   * a visibility check, not requireNetworkAccess (which asks for a network role).
   */
  private async requireVisibleNetwork(actor: Actor, networkId: string): Promise<void> {
    const visible = await this.access.visibleNetworkIds(actor);
    if (!visible.includes(networkId)) throw new AppError('NOT_FOUND', 'No such network.');
  }
}

/** A tampered cursor must answer 400, not reach PostgreSQL as an invalid uuid. */
function afterOf(cursor: string): [string, string, string] {
  const [country, key, id] = decodeCursor(cursor, 3) as [string, string, string];
  if (!UUID.test(id)) throw invalidCursor();
  return [country, key, id];
}
