import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MeetingsRepository, type Audience, type StoredMeeting } from './meetings.repository.js';
import { networksHolding, organisationsHolding } from '../../common/auth/roles.js';

/**
 * Who may see and act on a meeting. Seeing: members of the host and of invited organisations
 * (or of every organisation of the network when it is open to the whole network), and the
 * network's coordinators. Everyone else gets 404, as if the meeting did not exist.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly repository: MeetingsRepository,
    private readonly policy: AccessPolicy,
  ) {}

  audienceOf(actor: Actor): Audience {
    const organisations = [...actor.organisations.entries()];
    return {
      organisationIds: organisations.map(([id]) => id),
      memberNetworkIds: [...new Set(organisations.map(([, o]) => o.networkId))],
      coordinatedNetworkIds: networksHolding(actor, 'meetings.read'),
      everything: actor.isPlatformAdmin,
    };
  }

  /** The seeing rule as a Prisma filter on Meeting, for features that link meetings (campaigns). */
  visibleWhere(actor: Actor): Prisma.MeetingWhereInput {
    return this.repository.visibleWhere(this.audienceOf(actor));
  }

  /** Those of `ids` the actor may see, with what a link shows: for campaigns (collaboration). */
  async visibleSummaries(actor: Actor, ids: string[]): Promise<Map<string, { title: string; startsAt: Date; cancelled: boolean }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.summariesVisible(ids, this.audienceOf(actor));
    return new Map(rows.map((m) => [m.id, { title: m.title, startsAt: m.startsAt, cancelled: m.status === 'CANCELLED' }]));
  }

  async requireVisible(actor: Actor, meetingId: string): Promise<StoredMeeting> {
    const meeting = await this.repository.findVisible(meetingId, this.audienceOf(actor));
    if (!meeting) throw notFound('meeting');
    return meeting;
  }

  canManage(actor: Actor, meeting: { hostOrganisationId: string; networkId: string }): boolean {
    return this.policy.holdsForOrganisation(actor, 'meetings.manage', {
      id: meeting.hostOrganisationId,
      networkId: meeting.networkId,
    });
  }

  async requireManage(actor: Actor, meetingId: string): Promise<StoredMeeting> {
    const meeting = await this.requireVisible(actor, meetingId);
    if (!this.canManage(actor, meeting)) throw new AppError('FORBIDDEN', 'Only the host organisation’s leaders and coordinators may change this meeting.');
    return meeting;
  }

  isInvited(meeting: StoredMeeting, organisationId: string, networkIdOfOrganisation: string): boolean {
    if (organisationId === meeting.hostOrganisationId) return false;
    if (meeting.wholeNetwork && networkIdOfOrganisation === meeting.networkId) return true;
    return meeting.invitedOrganisations.some((i) => i.organisationId === organisationId);
  }

  /** Invited organisations the actor leads, for which they may accept or decline. */
  respondableOrganisations(actor: Actor, meeting: StoredMeeting): string[] {
    return organisationsHolding(actor, 'meetings.respond').filter((id) =>
      this.isInvited(meeting, id, actor.organisations.get(id)!.networkId),
    );
  }

  /**
   * The organisation the actor comes for: the host or an invited organisation that has not
   * declined; a coordinator of the network may come without one. Anyone else may see the
   * meeting only through a declined invitation, and may not register.
   */
  registeringOrganisation(actor: Actor, meeting: StoredMeeting): string | null {
    const declined = new Set(
      meeting.invitedOrganisations.filter((i) => i.response === 'DECLINED').map((i) => i.organisationId),
    );
    for (const [id, o] of actor.organisations) {
      if (id === meeting.hostOrganisationId) return id;
      if (this.isInvited(meeting, id, o.networkId) && !declined.has(id)) return id;
    }
    if (actor.isPlatformAdmin || actor.networks.has(meeting.networkId)) return null;
    throw new AppError('MEETING_NOT_OPEN_TO_ORGANISATION', 'This meeting is not open to your organisation.');
  }
}
