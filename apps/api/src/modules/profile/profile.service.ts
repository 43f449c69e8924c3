import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, isLanguage, type ProfileUpdate } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { hashPassword, isCommonPassword, verifyPassword } from '../../common/auth/password.js';
import { isWeakPin } from '../volunteer-accounts/setup-code.js';
import { SessionService } from '../../common/auth/session.service.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { RequestMeta } from '../auth/auth.service.js';
import { ProfileRepository } from './profile.repository.js';

/**
 * One's own account. Every method acts on `actor.userId` only, so there is no object of
 * someone else to reach: the access check is the scoping of each query to the actor.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly repository: ProfileRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor) {
    return toCurrentUser(await this.repository.findProfile(actor.userId));
  }

  async update(actor: Actor, input: ProfileUpdate) {
    return toCurrentUser(await this.repository.updateProfile(actor.userId, input));
  }

  /**
   * Changes the password after checking the current one. Wrong guesses count towards the
   * same back-off as sign-in, so a borrowed session cannot be used to guess the password.
   * Every other session ends; this one stays.
   */
  async changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
    meta: RequestMeta,
  ): Promise<void> {
    await this.throttle.assertAllowed(actor.userId, meta.ip);
    const hash = await this.repository.findPasswordHash(actor.userId);
    if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
      await this.throttle.recordFailure(actor.userId, meta.ip);
      throw new AppError('PASSWORD_INCORRECT', 'The current password is not correct.', {
        fields: { currentPassword: [{ code: 'incorrect', message: 'Not correct.' }] },
      });
    }
    if (isCommonPassword(input.newPassword)) {
      throw new AppError('PASSWORD_TOO_COMMON', 'This password is too common; choose another.', {
        fields: { newPassword: [{ code: 'too_common', message: 'Too common.' }] },
      });
    }
    await this.repository.setPasswordHash(actor.userId, await hashPassword(input.newPassword));
    const ended = await this.sessions.revokeAllForUser(actor.userId, actor.sessionId);
    await this.audit.record({
      action: 'auth.password_changed',
      actorId: actor.userId,
      subjectUserId: actor.userId,
      ip: meta.ip,
      details: { sessionsEnded: ended },
    });
  }

  /**
   * A new 6-digit PIN (people who sign in with one, usually on a phone) after the current PIN
   * or password, with the same back-off, the same weak-PIN rule as at setup, and every other
   * session ended.
   */
  async changePin(actor: Actor, input: { currentPassword: string; newPin: string }, meta: RequestMeta): Promise<void> {
    await this.throttle.assertAllowed(actor.userId, meta.ip);
    const { passwordHash, phone } = await this.repository.findSecretAndPhone(actor.userId);
    if (!passwordHash || !(await verifyPassword(passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(actor.userId, meta.ip);
      throw new AppError('PASSWORD_INCORRECT', 'The current PIN or password is not correct.', {
        fields: { currentPassword: [{ code: 'incorrect', message: 'Not correct.' }] },
      });
    }
    if (isWeakPin(input.newPin, phone)) {
      throw new AppError('PIN_TOO_WEAK', 'This PIN is too easy to guess; choose another.', {
        fields: { newPin: [{ code: 'too_weak', message: 'Too easy to guess.' }] },
      });
    }
    await this.repository.setPasswordHash(actor.userId, await hashPassword(input.newPin));
    const ended = await this.sessions.revokeAllForUser(actor.userId, actor.sessionId);
    await this.audit.record({
      action: 'auth.pin_changed',
      actorId: actor.userId,
      subjectUserId: actor.userId,
      ip: meta.ip,
      details: { sessionsEnded: ended },
    });
  }

  async listSessions(actor: Actor) {
    const now = new Date();
    const idleSince = new Date(now.getTime() - this.sessions.idleLimitMs(false));
    const sharedIdleSince = new Date(now.getTime() - this.sessions.idleLimitMs(true));
    const sessions = await this.repository.activeSessions(actor.userId, now, idleSince, sharedIdleSince);
    return {
      items: sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        userAgent: s.userAgent,
        ip: s.ip,
        current: s.id === actor.sessionId,
      })),
    };
  }

  /** Ends one of one's own sessions (e.g. a forgotten browser); another person's id is 404. */
  async endSession(actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
    if (!(await this.repository.revokeOwnSession(actor.userId, sessionId, new Date()))) throw notFound('session');
    await this.audit.record({
      action: 'auth.sign_out',
      actorId: actor.userId,
      subjectUserId: actor.userId,
      ip: meta.ip,
      details: { sessionId, current: sessionId === actor.sessionId },
    });
  }
}

function toCurrentUser(user: {
  id: string;
  email: string | null;
  phone: string | null;
  username: string | null;
  name: string;
  preferredLanguage: string;
  timeZone: string;
  isPlatformAdmin: boolean;
}) {
  return {
    ...user,
    preferredLanguage: isLanguage(user.preferredLanguage) ? user.preferredLanguage : DEFAULT_LANGUAGE,
  };
}
