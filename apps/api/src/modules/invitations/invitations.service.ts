import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type InvitationAccept,
  type InvitationCreate,
  type Language,
  type Role,
  type SessionResponse,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { assertAcceptablePassword, hashPassword } from '../../common/auth/password.js';
import { SessionService } from '../../common/auth/session.service.js';
import { hashToken, newToken } from '../../common/auth/tokens.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { invitationMail } from '../../common/mail/messages/index.js';
import { AuthService, type RequestMeta } from '../auth/auth.service.js';
import { InvitationsRepository, invitationInvalid, type InvitationScope } from './invitations.repository.js';
import { noticeOf } from '../../common/channels/short-messages.js';
import { isNetworkRole, mayAssign, rolesHeldIn } from '../../common/auth/roles.js';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

interface StoredInvitation extends InvitationScope {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly repository: InvitationsRepository,
    private readonly access: AccessPolicy,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: InvitationCreate, meta: RequestMeta) {
    const scope = await this.requireInviteScope(actor, input.role, input.organisationId, input.networkId);
    const existing = await this.repository.findUserByEmail(input.email);
    if (existing && (await this.repository.isMember(existing.id, scope))) {
      throw new AppError('ALREADY_MEMBER', 'This person is already a member.', {
        fields: { email: [{ code: 'already_member', message: 'Already a member.' }] },
      });
    }
    const language = pickLanguage(input.language, existing?.preferredLanguage, actor.preferredLanguage);
    const token = newToken();
    const link = `${this.config.publicUrl}/invite?token=${token}`;
    // The invitation and its message commit together: never an invitation nobody was told of.
    const invitation = await this.repository.createReplacingPending(
      {
        ...scope,
        tokenHash: hashToken(token),
        email: input.email,
        role: input.role,
        invitedById: actor.userId,
        language,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      async (tx, invitation) => {
        const mail = invitationMail(language, {
          inviterName: actor.name,
          organisationName: invitation.organisation?.name ?? null,
          networkName: invitation.network.name,
          role: input.role,
          link,
          expiresAt: invitation.expiresAt,
          timeZone: existing?.timeZone,
        });
        const reason = `invitation:${invitation.id}`;
        if (existing) {
          // Someone with an account already: through their channels for invitations. The e-mail
          // still goes to the address invited, which is theirs.
          await this.jobs.enqueue(
            'messages.send',
            { reason, kind: 'INVITATION', userId: existing.id, networkId: invitation.network.id, email: mail, short: noticeOf(mail.subject, link) },
            { jobId: reason, tx },
          );
        } else {
          await this.jobs.enqueue('mail.send', { to: input.email, ...mail, reason }, { jobId: reason, tx });
        }
      },
    );
    await this.audit.record({
      action: 'invitation.created',
      actorId: actor.userId,
      subjectUserId: existing?.id,
      organisationId: scope.organisationId,
      networkId: scope.networkId,
      ip: meta.ip,
      details: { invitationId: invitation.id, email: input.email, role: input.role, language },
    });
    return toView(invitation);
  }

  async listPending(actor: Actor, organisationId: string) {
    await this.access.requireOrganisationAccess(actor, 'members.read', [organisationId]);
    const items = await this.repository.listPending(organisationId, new Date());
    return { items: items.map(toView) };
  }

  async revoke(actor: Actor, invitationId: string, meta: RequestMeta): Promise<void> {
    const invitation = await this.repository.findById(invitationId);
    // Invitations are seen by those who see the pending list (the organisation's leaders, the
    // network's coordinators); for anyone else one is as unknown as a made-up id.
    const seen =
      !!invitation &&
      (invitation.organisationId
        ? this.access.holdsForOrganisation(actor, 'members.read', { id: invitation.organisationId, networkId: invitation.networkId })
        : this.access.holdsForNetwork(actor, 'members.inviteLeader', invitation.networkId));
    if (!seen) throw notFound('invitation');
    // Whoever may send this invitation may take it back; others who see it get 403.
    await this.requireInviteScope(actor, invitation.role, invitation.organisationId ?? undefined, invitation.networkId);
    if (invitation.acceptedAt) throw new AppError('CONFLICT', 'This invitation has already been accepted.');
    if (!(await this.repository.revoke(invitation.id, new Date()))) return; // already revoked
    await this.audit.record({
      action: 'invitation.revoked',
      actorId: actor.userId,
      organisationId: invitation.organisationId,
      networkId: invitation.networkId,
      ip: meta.ip,
      details: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
    });
  }

  /** What the accept page shows; only the holder of the link can ask. */
  async preview(token: string) {
    const invitation = await this.repository.findPendingByTokenHash(hashToken(token), new Date());
    if (!invitation) throw invitationInvalid();
    const existing = await this.repository.findUserByEmail(invitation.email);
    return {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisation?.name ?? null,
      networkName: invitation.network.name,
      language: isLanguage(invitation.language) ? invitation.language : DEFAULT_LANGUAGE,
      existingAccount: !!existing,
    };
  }

  /**
   * Accepts with a new account, or — when the address already has one — only for that
   * account signed in, so a leaked link cannot attach a role to someone else's account.
   * Ends with a fresh session (the role changed: the old session is not reused).
   */
  async accept(
    actor: Actor | undefined,
    input: InvitationAccept,
    meta: RequestMeta,
  ): Promise<{ token: string; session: SessionResponse }> {
    const invitation = await this.repository.findPendingByTokenHash(hashToken(input.token), new Date());
    if (!invitation) throw invitationInvalid();
    const existing = await this.repository.findUserByEmail(invitation.email);
    if (existing && actor?.userId !== existing.id) {
      throw new AppError(
        'EMAIL_TAKEN',
        'An account with this e-mail address already exists. Sign in with it, then open the invitation link again.',
      );
    }
    let newUser;
    if (!existing) {
      const { name, password } = requireNewAccountFields(input);
      assertAcceptablePassword(password);
      newUser = {
        email: invitation.email,
        name,
        passwordHash: await hashPassword(password),
        preferredLanguage: input.preferredLanguage ?? invitation.language,
        timeZone: input.timeZone ?? 'UTC',
      };
    }
    const { userId, newAccount } = await this.repository.accept(
      invitation,
      existing ? { userId: existing.id } : { newUser: newUser! },
    );
    await this.audit.record({
      action: 'invitation.accepted',
      actorId: userId,
      subjectUserId: userId,
      organisationId: invitation.organisationId,
      networkId: invitation.networkId,
      ip: meta.ip,
      details: { invitationId: invitation.id, role: invitation.role, newAccount },
    });
    // This browser's cookie is about to be replaced: end the session it held.
    if (actor) await this.sessions.revoke(actor.sessionId);
    const token = await this.auth.signIn(userId, meta);
    return { token, session: await this.auth.describeToken(token) };
  }

  /**
   * Resolves where an invitation leads and checks the actor may send it there:
   * coordinators invite into their network, leaders into their own organisation, and the
   * role must be one the actor's role there may hand out (ASSIGNABLE_ROLES).
   */
  private async requireInviteScope(
    actor: Actor,
    role: Role,
    organisationId: string | undefined,
    networkId: string | undefined,
  ): Promise<InvitationScope> {
    if (isNetworkRole(role)) {
      if (!networkId) throw notFound('network');
      await this.access.requireNetworkAccess(actor, 'members.inviteLeader', networkId);
      this.requireAssignable(actor, role, { organisationId: null, networkId });
      return { organisationId: null, networkId };
    }
    if (!organisationId) throw notFound('organisation');
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'members.inviteVolunteer', [organisationId]);
    if (networkId && networkId !== organisation!.networkId) throw notFound('organisation');
    const scope = { organisationId, networkId: organisation!.networkId };
    this.requireAssignable(actor, role, scope);
    return scope;
  }

  private requireAssignable(actor: Actor, role: Role, scope: InvitationScope): void {
    if (!mayAssign(rolesHeldIn(actor, scope), role)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow inviting someone with this role here.', {
        fields: { role: [{ code: 'not_assignable', message: 'You may not give this role.' }] },
      });
    }
  }
}

function pickLanguage(...candidates: (string | undefined)[]): Language {
  return candidates.find(isLanguage) ?? DEFAULT_LANGUAGE;
}

function toView(invitation: StoredInvitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    organisationId: invitation.organisationId,
    networkId: invitation.networkId,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}

/** A new account needs a name and a password; the shared schema leaves them optional. */
function requireNewAccountFields(input: InvitationAccept): { name: string; password: string } {
  if (input.name && input.password) return { name: input.name, password: input.password };
  const fields: Record<string, { code: string; message: string }[]> = {};
  if (!input.name) fields.name = [{ code: 'required', message: 'Required for a new account.' }];
  if (!input.password) fields.password = [{ code: 'required', message: 'Required for a new account.' }];
  throw new AppError('VALIDATION_FAILED', 'A name and a password are needed.', { fields });
}
