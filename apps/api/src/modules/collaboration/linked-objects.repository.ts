import { Injectable } from '@nestjs/common';
import type { DocumentStatus } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { MaterialLookup } from '../materials/material-lookup.js';
import { MeetingAccess } from '../meetings/meeting-access.js';
import { visibleWhere as visibleGroupsWhere } from './group-visibility.js';

/** A language version's title in the reader's language, else the fallbacks, else the first. */
function pickTitle(translations: { language: string; title: string }[], language: string, fallbacks: string[]): string {
  for (const wanted of [language, ...fallbacks]) {
    const hit = translations.find((t) => t.language === wanted);
    if (hit) return hit.title;
  }
  return translations[0]?.title ?? '';
}

/**
 * Documents, meetings and library material that a campaign or a post points at, filtered
 * through each feature's own visibility rule. Whatever is not returned here must not be shown:
 * not its title, not its kind. Material and meetings are asked of their own modules
 * (MaterialLookup, MeetingAccess), so a change to who sees what there holds here too.
 */
@Injectable()
export class LinkedObjectsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly meetingAccess: MeetingAccess,
    private readonly materialLookup: MaterialLookup,
  ) {}

  materials(actor: Actor, ids: string[]) {
    return this.materialLookup.visibleTitles(actor, ids);
  }

  meetingsOf(actor: Actor, ids: string[]) {
    return this.meetingAccess.visibleSummaries(actor, ids);
  }

  async documents(actor: Actor, ids: string[]) {
    if (ids.length === 0) return new Map<string, { title: string; status: DocumentStatus; signedCount: number }>();
    const rows = await this.prisma.jointDocument.findMany({
      where: { id: { in: ids }, group: visibleGroupsWhere(actor) },
      select: {
        id: true,
        status: true,
        versions: { select: { language: true, title: true }, orderBy: { language: 'asc' } },
        signatories: { where: { status: 'SIGNED' }, select: { organisationId: true } },
      },
    });
    return new Map(
      rows.map((d) => [d.id, { title: pickTitle(d.versions, actor.preferredLanguage, []), status: d.status as DocumentStatus, signedCount: d.signatories.length }]),
    );
  }
}
