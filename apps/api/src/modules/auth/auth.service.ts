import { Injectable } from '@nestjs/common';
import { PERMISSIONS_BY_ROLE, isLanguage, type Permission, type SessionResponse } from '@tadamon/shared';
import { AuthRepository } from './auth.repository.js';
import { AppError } from '../../common/errors/app-error.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { burnPasswordCheck, verifyPassword } from '../../common/auth/password.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { SessionService } from '../../common/auth/session.service.js';
import type { Actor } from '../../common/auth/actor.js';
import { primaryRoleOf, rolesOf, VOLUNTEER_ROLE } from '../../common/auth/roles.js';
import { looksLikePhoneNumber } from '../../common/phone/phone-number.js';
import { classifyIdentifier, throttleKeyOf, type SignInIdentifier } from './sign-in-identifier.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';

export interface RequestMeta {
  ip: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Checks an identifier (e-mail, phone or username) and a password or PIN. Unknown
   * identifiers and wrong secrets give the same answer and take the same time; failures count
   * towards back-off per account and per address.
   */
  async verifyCredentials(identifier: string, password: string, meta: RequestMeta): Promise<{ userId: string }> {
    // Only a phone number in national format needs the countries to be read in.
    const countries = looksLikePhoneNumber(identifier) ? await this.organisationCountries() : [];
    const parsed = classifyIdentifier(identifier, countries);
    const user = await this.findUserForSignIn(parsed);
    const accountKey = user?.id ?? throttleKeyOf(parsed, identifier);
    await this.throttle.assertAllowed(accountKey, meta.ip);
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
    if (!user || !valid) {
      await this.throttle.recordFailure(accountKey, meta.ip);
      await this.audit.record({
        action: 'auth.sign_in_failed',
        subjectUserId: user?.id,
        ip: meta.ip,
        details: { identifier: identifier.trim().slice(0, 254), kind: parsed.kind },
      });
      throw new AppError('INVALID_CREDENTIALS', 'E-mail, phone number, username or password is not correct.');
    }
    if (user.disabledAt) throw new AppError('ACCOUNT_DISABLED', 'This account has been disabled.');
    await this.throttle.recordSuccess(accountKey);
    return { userId: user.id };
  }

  /** The one account the identifier names; none when it names none or (a national number) several. */
  private async findUserForSignIn(identifier: SignInIdentifier) {
    if (identifier.keys.length === 0) return null;
    const where =
      identifier.kind === 'email'
        ? { email: { in: identifier.keys } }
        : identifier.kind === 'phone'
          ? { phone: { in: identifier.keys } }
          : { username: { in: identifier.keys } };
    const found = await this.repository.signInCandidates(where);
    return found.length === 1 ? found[0]! : null;
  }

  /** Countries in which a national phone number ("0612…") is read. */
  private async organisationCountries(): Promise<string[]> {
    return this.repository.organisationCountries();
  }

  /**
   * Opens a new session (a fresh token every time) and records the sign-in. The extra step
   * after the credential check: a session that still owes a second factor (a TOTP code, or
   * enrolment for coordinators and admins) reaches nothing else until it is given.
   */
  async signIn(userId: string, meta: RequestMeta, options: { sharedDevice?: boolean } = {}): Promise<string> {
    const secondFactor = await this.twoFactor.stepOwedAtSignIn(userId);
    const token = await this.sessions.create(userId, meta, { ...options, secondFactor });
    await this.audit.record({
      action: 'auth.sign_in',
      actorId: userId,
      subjectUserId: userId,
      ip: meta.ip,
      ...(options.sharedDevice || secondFactor
        ? { details: { ...(options.sharedDevice ? { sharedDevice: true } : {}), ...(secondFactor ? { secondFactor } : {}) } }
        : {}),
    });
    return token;
  }

  async signOut(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    await this.audit.record({ action: 'auth.sign_out', actorId: actor.userId, ip: meta.ip });
  }

  async signOutEverywhere(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.sessions.revokeAllForUser(actor.userId);
    await this.audit.record({ action: 'auth.sign_out_everywhere', actorId: actor.userId, ip: meta.ip });
  }

  /** What the SPA needs to know about the signed-in person. */
  describe(actor: Actor): SessionResponse {
    if (actor.secondFactor) return this.describeHalfSignedIn(actor, actor.secondFactor);
    const permissions = new Set<Permission>();
    for (const role of rolesOf(actor)) PERMISSIONS_BY_ROLE[role].forEach((p) => permissions.add(p));
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        phone: actor.phone,
        username: actor.username,
        name: actor.name,
        preferredLanguage: isLanguage(actor.preferredLanguage) ? actor.preferredLanguage : 'en',
        timeZone: actor.timeZone,
        isPlatformAdmin: actor.isPlatformAdmin,
      },
      memberships: [...actor.organisations].map(([organisationId, m]) => ({
        organisationId,
        organisationName: m.name,
        networkId: m.networkId,
        networkName: m.networkName,
        role: m.role,
      })),
      networkRoles: [...actor.networks].map(([networkId, n]) => ({
        networkId,
        networkName: n.name,
        role: n.role,
      })),
      primaryRole: primaryRoleOf(actor),
      permissions: [...permissions],
      csrfToken: this.sessions.csrfTokenFor(actor.sessionTokenHash),
      sharedDevice: actor.sharedDevice,
    };
  }

  /** Who is signing in and which step is owed; no roles or permissions until it is given. */
  private describeHalfSignedIn(actor: Actor, step: 'VERIFY' | 'ENROL'): SessionResponse {
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        phone: actor.phone,
        username: actor.username,
        name: actor.name,
        preferredLanguage: isLanguage(actor.preferredLanguage) ? actor.preferredLanguage : 'en',
        timeZone: actor.timeZone,
        isPlatformAdmin: false,
      },
      memberships: [],
      networkRoles: [],
      primaryRole: VOLUNTEER_ROLE,
      permissions: [],
      csrfToken: this.sessions.csrfTokenFor(actor.sessionTokenHash),
      sharedDevice: actor.sharedDevice,
      secondFactor: step === 'ENROL' ? 'enrol' : 'verify',
    };
  }

  /** Resolves a just-created session token into the session response. */
  async describeToken(token: string): Promise<SessionResponse> {
    const actor = await this.sessions.resolve(token);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    return this.describe(actor);
  }
}
