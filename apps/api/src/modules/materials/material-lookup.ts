import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MaterialsRepository } from './materials.repository.js';
import { visibleWhere } from './material-scope.js';

/** A language version's title in the reader's language, else the network's fallbacks, else the first. */
function pickTitle(translations: { language: string; title: string }[], language: string, fallbacks: string[]): string {
  for (const wanted of [language, ...fallbacks]) {
    const hit = translations.find((t) => t.language === wanted);
    if (hit) return hit.title;
  }
  return translations[0]?.title ?? '';
}

/**
 * What other features may ask the library about its material: always through the library's own
 * visibility rule (`material-scope.ts`), so a change to who sees what holds everywhere a
 * material is linked — campaigns and posts, lessons, accreditation evidence.
 */
@Injectable()
export class MaterialLookup {
  constructor(private readonly repository: MaterialsRepository) {}

  /** Those of `ids` the actor may see. */
  async visibleIds(actor: Actor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.repository.findAmong(ids, visibleWhere(actor), { id: true });
    return new Set(rows.map((r) => r.id));
  }

  /** Title (in the actor's language) and kind of those of `ids` the actor may see. */
  async visibleTitles(actor: Actor, ids: string[]): Promise<Map<string, { title: string; kind: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.findAmong(ids, visibleWhere(actor), {
      id: true,
      kind: true,
      network: { select: { fallbackLanguages: true } },
      translations: { select: { language: true, title: true }, orderBy: { createdAt: 'asc' } },
    });
    return new Map(
      rows.map((m) => [m.id, { title: pickTitle(m.translations, actor.preferredLanguage, m.network.fallbackLanguages), kind: m.kind as string }]),
    );
  }

  /** Where a material the actor may see is shared (to check who else can reach it), or null. */
  async visibleReach(actor: Actor, id: string, db?: Prisma.TransactionClient) {
    const [row] = await this.repository.findAmong([id], visibleWhere(actor), { networkId: true, organisationId: true, visibility: true }, db);
    return row ?? null;
  }

  /** The network a library topic belongs to, or null for an unknown id (a course's topic must be of its network). */
  async topicNetwork(topicId: string, db?: Prisma.TransactionClient): Promise<{ networkId: string } | null> {
    const topic = await this.repository.findTopic(topicId, db);
    return topic ? { networkId: topic.networkId } : null;
  }

  /** Materials among `ids` that `organisationId` owns, with their titles (accreditation evidence). */
  ownedBy(organisationId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repository.findAmong(ids, { organisationId }, { id: true, translations: { select: { language: true, title: true } } });
  }
}
