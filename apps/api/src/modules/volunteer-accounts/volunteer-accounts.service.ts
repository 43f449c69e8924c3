import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  SETUP_CODE_TTL_DAYS,
  isLanguage,
  type Language,
  type SessionResponse,
  type SetupCode,
  type SetupCodeRedeem,
  type VolunteerAccountCreate,
  type VolunteerAccountCreated,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { assertAcceptablePassword, hashPassword } from '../../common/auth/password.js';
import { SessionClock } from '../../common/auth/session-clock.js';
import { SessionService } from '../../common/auth/session.service.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { hashToken } from '../../common/auth/tokens.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { toE164 } from '../../common/phone/phone-number.js';
import { AuthService, type RequestMeta } from '../auth/auth.service.js';
import { assertAcceptablePin, newSetupCode, setupCodeInvalid } from './setup-code.js';
import { VolunteerAccountsRepository, toMember } from './volunteer-accounts.repository.js';
import { isVolunteerRole } from '../../common/auth/roles.js';

const SETUP_CODE_TTL_MS = SETUP_CODE_TTL_DAYS * 24 * 3600_000;

const phoneInvalid = () =>
  new AppError('PHONE_INVALID', 'This is not a valid phone number.', {
    fields: { phone: [{ code: 'invalid_phone', message: 'Not a valid phone number.' }] },
  });

/**
 * Volunteers without e-mail: a leader creates the account with a phone number or a username
 * and hands out a one-time setup code, with which the volunteer chooses a password or a PIN.
 * A leader can issue a new code at any time (the way back in for someone who forgot their
 * PIN and has no other channel); the new code revokes the old.
 */
@Injectable()
export class VolunteerAccountsService {
  constructor(
    private readonly repository: VolunteerAccountsRepository,
    private readonly access: AccessPolicy,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly clock: SessionClock,
  ) {}

  async create(actor: Actor, organisationId: string, input: VolunteerAccountCreate, meta: RequestMeta): Promise<VolunteerAccountCreated> {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'members.inviteVolunteer', [organisationId]);
    const { name: organisationName, country } = await this.organisationOf(organisationId);
    // National numbers are read in the organisation's country ("06…" in Tangier is Moroccan).
    const phone = input.phone ? toE164(input.phone, country) : null;
    if (input.phone && !phone) throw phoneInvalid();
    const username = input.username ?? null;
    await this.repository.assertFree(phone, username);
    const code = newSetupCode();
    const language = pickLanguage(input.preferredLanguage, actor.preferredLanguage);
    const { user, membership, setupCode } = await this.repository.createVolunteer(
      { organisationId, name: input.name, phone, username, preferredLanguage: language, timeZone: actor.timeZone },
      this.codeRecord(actor, code.normalised),
    );
    await this.audit.record({
      action: 'account.created_by_leader',
      actorId: actor.userId,
      subjectUserId: user.id,
      organisationId,
      networkId: organisation!.networkId,
      ip: meta.ip,
      details: { membershipId: membership.id, signInWith: phone ? 'phone' : 'username', setupCodeId: setupCode.id },
    });
    return {
      member: toMember({ ...membership, user }),
      setupCode: slip(code.display, setupCode.expiresAt, user, organisationName),
    };
  }

  /** A new code for a volunteer without e-mail of this organisation; the old one stops working. */
  async issueCode(actor: Actor, organisationId: string, membershipId: string, meta: RequestMeta): Promise<SetupCode> {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'members.inviteVolunteer', [organisationId]);
    const member = await this.repository.findMember(organisationId, membershipId);
    if (!member) throw notFound('member');
    if (!isVolunteerRole(member.role) || member.user.email || member.user.disabledAt) {
      throw new AppError(
        'SETUP_CODE_NOT_ALLOWED',
        'Setup codes are for active volunteers without an e-mail address; others reset their password by e-mail.',
      );
    }
    const code = newSetupCode();
    const { setupCode, revoked } = await this.repository.replaceCode(
      member.user.id,
      organisationId,
      this.codeRecord(actor, code.normalised),
      new Date(this.clock.now()),
    );
    await this.audit.record({
      action: 'setup_code.issued',
      actorId: actor.userId,
      subjectUserId: member.user.id,
      organisationId,
      networkId: organisation!.networkId,
      ip: meta.ip,
      details: { membershipId, setupCodeId: setupCode.id, revokedCodes: revoked },
    });
    const { name } = await this.organisationOf(organisationId);
    return slip(code.display, setupCode.expiresAt, member.user, name);
  }

  /** Whose code this is, for the page where the volunteer chooses a PIN. */
  async preview(code: string, meta: RequestMeta) {
    const found = await this.usableCode(code, meta);
    return {
      name: found.user.name,
      organisationName: found.organisation.name,
      signInName: found.user.phone ?? found.user.username ?? found.user.email ?? '',
      preferredLanguage: languageOf(found.user.preferredLanguage),
    };
  }

  /**
   * Spends the code, sets the PIN or password, ends any other session of the person (whoever
   * knew the old secret is out) and signs them in — on a shared phone if they said so.
   */
  async redeem(input: SetupCodeRedeem, meta: RequestMeta): Promise<{ token: string; session: SessionResponse }> {
    const found = await this.usableCode(input.code, meta);
    const secret = input.pin ?? input.password!;
    if (input.pin !== undefined) assertAcceptablePin(input.pin, found.user.phone);
    else assertAcceptablePassword(secret);
    const passwordHash = await hashPassword(secret);
    await this.repository.redeem(found.id, found.userId, passwordHash, new Date(this.clock.now()));
    const ended = await this.sessions.revokeAllForUser(found.userId);
    await this.throttle.recordSuccess(found.userId);
    await this.audit.record({
      action: 'setup_code.redeemed',
      actorId: found.userId,
      subjectUserId: found.userId,
      organisationId: found.organisationId,
      networkId: found.organisation.networkId,
      ip: meta.ip,
      details: { setupCodeId: found.id, secret: input.pin !== undefined ? 'pin' : 'password', sessionsEnded: ended, sharedDevice: input.sharedDevice === true },
    });
    const token = await this.auth.signIn(found.userId, meta, { sharedDevice: input.sharedDevice === true });
    return { token, session: await this.auth.describeToken(token) };
  }

  /**
   * Wrong codes count towards the same back-off as sign-in, per address: 60 random bits make
   * guessing hopeless, and the back-off keeps it that way cheaply.
   */
  private async usableCode(code: string, meta: RequestMeta) {
    const key = `setup-code:${meta.ip}`;
    await this.throttle.assertAllowed(key, meta.ip);
    const found = await this.repository.findUsableCode(hashToken(code), new Date(this.clock.now()));
    if (!found || found.user.disabledAt) {
      await this.throttle.recordFailure(key, meta.ip);
      throw setupCodeInvalid();
    }
    return found;
  }

  private codeRecord(actor: Actor, normalisedCode: string) {
    return {
      codeHash: hashToken(normalisedCode),
      createdById: actor.userId,
      expiresAt: new Date(this.clock.now() + SETUP_CODE_TTL_MS),
    };
  }

  private async organisationOf(organisationId: string) {
    return this.repository.organisationName(organisationId);
  }
}

function slip(
  code: string,
  expiresAt: Date,
  user: { id: string; name: string; phone: string | null; username: string | null; preferredLanguage: string },
  organisationName: string,
): SetupCode {
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    userId: user.id,
    name: user.name,
    phone: user.phone,
    username: user.username,
    organisationName,
    preferredLanguage: languageOf(user.preferredLanguage),
  };
}

function pickLanguage(...candidates: (string | undefined)[]): Language {
  return candidates.find(isLanguage) ?? DEFAULT_LANGUAGE;
}

const languageOf = (value: string): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);
