import { Injectable } from '@nestjs/common';
import type { Member, OrganisationRole } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { MembersRepository, type LockedMembers } from './members.repository.js';
import { isLeaderRole } from '../../common/auth/roles.js';

const lastLeader = () =>
  new AppError('LAST_LEADER', 'An organisation needs at least one active leader; appoint another leader first.');

/**
 * Member management within one organisation. An organisation always keeps at least one
 * leader who can sign in: otherwise nobody there could invite or manage anyone.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: MembersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, organisationId: string): Promise<{ items: Member[] }> {
    await this.access.requireOrganisationAccess(actor, 'members.read', [organisationId]);
    return { items: await this.repository.list(organisationId) };
  }

  async changeRole(actor: Actor, organisationId: string, membershipId: string, role: OrganisationRole, ip: string) {
    const organisation = await this.requireMembershipScope(actor, organisationId, 'members.changeRole');
    const { before, after } = await this.repository.withOrganisationLock(organisationId, async (members) => {
      const member = await this.requireMember(members, membershipId);
      if (member.role === role) return { before: member, after: member };
      if (isLeaderRole(member.role)) await this.keepALeader(members, membershipId);
      return { before: member, after: await members.changeRole(membershipId, role) };
    });
    if (before.role !== after.role) {
      await this.audit.record({
        action: 'membership.role_changed',
        actorId: actor.userId,
        subjectUserId: after.userId,
        organisationId,
        networkId: organisation.networkId,
        ip,
        details: { membershipId, oldRole: before.role, newRole: after.role },
      });
    }
    return after;
  }

  /** Takes effect on the person's very next request: sessions re-read memberships each time. */
  async remove(actor: Actor, organisationId: string, membershipId: string, ip: string): Promise<void> {
    const organisation = await this.requireMembershipScope(actor, organisationId, 'members.remove');
    const removed = await this.repository.withOrganisationLock(organisationId, async (members) => {
      const member = await this.requireMember(members, membershipId);
      if (isLeaderRole(member.role)) await this.keepALeader(members, membershipId);
      await members.remove(membershipId);
      return member;
    });
    await this.audit.record({
      action: 'membership.removed',
      actorId: actor.userId,
      subjectUserId: removed.userId,
      organisationId,
      networkId: organisation.networkId,
      ip,
      details: { membershipId, role: removed.role, name: removed.name },
    });
  }

  /**
   * Memberships are private to those who see the organisation's member list: for anyone else a
   * membership id answers the 404 of an unknown one. Who sees the list but may not make this
   * change gets 403.
   */
  private async requireMembershipScope(actor: Actor, organisationId: string, permission: 'members.changeRole' | 'members.remove') {
    const organisation = await this.access.requireVisibleOrganisation(actor, organisationId);
    this.access.requireOrganisationObject(actor, 'members.read', organisation, 'member in this organisation');
    if (!this.access.holdsForOrganisation(actor, permission, organisation)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this for this organisation.');
    }
    return organisation;
  }

  /** A membership id of another organisation is not found here, whoever asks. */
  private async requireMember(members: LockedMembers, membershipId: string): Promise<Member> {
    const member = await members.find(membershipId);
    if (!member) throw new AppError('NOT_FOUND', 'No such member in this organisation.');
    return member;
  }

  private async keepALeader(members: LockedMembers, leavingMembershipId: string): Promise<void> {
    if ((await members.otherActiveLeaders(leavingMembershipId)) === 0) throw lastLeader();
  }
}
