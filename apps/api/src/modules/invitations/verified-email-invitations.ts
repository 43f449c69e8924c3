import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { InvitationsRepository } from './invitations.repository.js';

export interface VerifiedEmailAcceptance {
  /** The address the identity provider verified. */
  email: string;
  /** Name and language of an account made for someone who has none. */
  name: string;
  providerId: string;
  ip?: string | null;
}

/**
 * Invitations accepted on the strength of an e-mail address an identity provider verified
 * (single sign-on): the verified address stands for the invitation link, as both prove the
 * person reads that address. The same claim-and-grant transaction as the link's.
 */
@Injectable()
export class VerifiedEmailInvitations {
  constructor(
    private readonly repository: InvitationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The newest invitation to `email` in the network neither accepted nor revoked (it may have expired). */
  latestOpen(email: string, networkId: string) {
    return this.repository.latestOpen(email, networkId);
  }

  /** Accepts it (account created when there is none, membership per the invitation); answers the person's id. */
  async accept(invitation: NonNullable<Awaited<ReturnType<VerifiedEmailInvitations['latestOpen']>>>, who: VerifiedEmailAcceptance): Promise<string> {
    const existing = await this.repository.findUserByEmail(who.email);
    if (existing?.disabledAt) throw new AppError('ACCOUNT_DISABLED', 'This account has been disabled.');
    const { userId, newAccount } = await this.repository.accept(
      { id: invitation.id, role: invitation.role, organisationId: invitation.organisationId, networkId: invitation.networkId },
      existing
        ? { userId: existing.id }
        : { newUser: { email: who.email, name: who.name, passwordHash: null, preferredLanguage: invitation.language, timeZone: 'UTC' } },
    );
    await this.audit.record({
      action: 'invitation.accepted',
      actorId: userId,
      subjectUserId: userId,
      organisationId: invitation.organisationId,
      networkId: invitation.networkId,
      ip: who.ip,
      details: { invitationId: invitation.id, role: invitation.role, newAccount, providerId: who.providerId },
    });
    return userId;
  }
}
