import { Inject, Injectable } from '@nestjs/common';
import type { RecoveryCodes, RecoveryCodesRegenerate, TotpDisable, TotpEnrolment, TotpStatus } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { AuditService } from '../../common/audit/audit.service.js';
import type { Actor } from '../../common/auth/actor.js';
import { verifyPassword } from '../../common/auth/password.js';
import { SessionService } from '../../common/auth/session.service.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { atRestSecret, decryptSecret, encryptSecret } from '../../common/crypto/secret-encryption.js';
import { TwoFactorRepository } from './two-factor.repository.js';
import {
  hashRecoveryCode,
  isRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  qrCodeDataUrl,
} from './totp.js';

interface Meta {
  ip: string;
}

/**
 * TOTP second factor: enrolment (secret + QR, confirmed by a first code, ten recovery
 * codes), the code asked after a right password, and turning it off. Wrong codes count
 * towards the same back-off as wrong passwords, under a key of their own per person.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly repository: TwoFactorRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What a new session owes once the password was right. */
  async stepOwedAtSignIn(userId: string): Promise<'VERIFY' | 'ENROL' | null> {
    const totp = await this.repository.findTotp(userId);
    if (totp?.enabledAt) return 'VERIFY';
    return (await this.repository.isRequiredFor(userId)) ? 'ENROL' : null;
  }

  async status(actor: Actor): Promise<TotpStatus> {
    const totp = await this.repository.findTotp(actor.userId);
    return {
      enabled: Boolean(totp?.enabledAt),
      required: await this.repository.isRequiredFor(actor.userId),
      recoveryCodesLeft: totp?.enabledAt ? await this.repository.countUnusedRecoveryCodes(actor.userId) : 0,
    };
  }

  /** The code asked after the password: a TOTP code or one recovery code. */
  async verify(actor: Actor, code: string, meta: Meta): Promise<void> {
    if (actor.secondFactor !== 'VERIFY') {
      throw new AppError('CONFLICT', 'This session does not wait for a code.');
    }
    const method = await this.checkCode(actor.userId, code, meta);
    await this.sessions.completeSecondFactor(actor.sessionId);
    await this.audit.record({
      action: 'auth.second_factor_verified',
      actorId: actor.userId,
      subjectUserId: actor.userId,
      ip: meta.ip,
      details: { method },
    });
  }

  async startEnrolment(actor: Actor, meta: Meta): Promise<TotpEnrolment> {
    this.refuseWhileCodeOwed(actor);
    const existing = await this.repository.findTotp(actor.userId);
    if (existing?.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    const secret = newTotpSecret();
    await this.repository.startEnrolment(actor.userId, encryptSecret(secret, atRestSecret(this.config)));
    await this.audit.record({ action: 'auth.totp_enrolment_started', actorId: actor.userId, subjectUserId: actor.userId, ip: meta.ip });
    // The account's name in the authenticator app: whatever the person signs in with.
    const url = otpauthUrl(actor.email ?? actor.phone ?? actor.username ?? actor.name, secret);
    return { secret, otpauthUrl: url, qrCodeDataUrl: await qrCodeDataUrl(url) };
  }

  /** A first right code turns TOTP on, hands out recovery codes and completes an 'enrol' session. */
  async confirmEnrolment(actor: Actor, code: string, meta: Meta): Promise<RecoveryCodes> {
    this.refuseWhileCodeOwed(actor);
    const totp = await this.repository.findTotp(actor.userId);
    if (totp?.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    if (!totp) throw new AppError('TOTP_ENROLMENT_NOT_STARTED', 'Start by scanning a new code.');
    const key = throttleKey(actor.userId);
    await this.throttle.assertAllowed(key, meta.ip);
    const match = matchTotp(code, decryptSecret(totp.secretEncrypted, atRestSecret(this.config)));
    if (match.kind !== 'valid') await this.fail(actor.userId, match.kind === 'expired' ? 'TOTP_CODE_EXPIRED' : 'TOTP_CODE_INVALID', meta);
    const codes = newRecoveryCodes();
    const step = (match as { step: number }).step;
    if (!(await this.repository.confirmEnrolment(actor.userId, step, codes.map(hashRecoveryCode)))) {
      throw new AppError('TOTP_ALREADY_ENABLED', 'Two-factor authentication is already on.');
    }
    await this.throttle.recordSuccess(key);
    if (actor.secondFactor === 'ENROL') await this.sessions.completeSecondFactor(actor.sessionId);
    await this.audit.record({ action: 'auth.totp_enabled', actorId: actor.userId, subjectUserId: actor.userId, ip: meta.ip });
    return { recoveryCodes: codes };
  }

  /** Needs the password and a code; coordinators and admins cannot turn it off. */
  async disable(actor: Actor, body: TotpDisable, meta: Meta): Promise<void> {
    if (await this.repository.isRequiredFor(actor.userId)) {
      throw new AppError('TOTP_REQUIRED_FOR_ROLE', 'Your role requires two-factor authentication.');
    }
    const totp = await this.repository.findTotp(actor.userId);
    if (!totp?.enabledAt) throw new AppError('TOTP_NOT_ENABLED', 'Two-factor authentication is off.');
    await this.checkPassword(actor.userId, body.password, meta);
    await this.checkCode(actor.userId, body.code, meta);
    await this.repository.disable(actor.userId);
    await this.audit.record({ action: 'auth.totp_disabled', actorId: actor.userId, subjectUserId: actor.userId, ip: meta.ip });
  }

  /**
   * Ten new recovery codes, shown once; every earlier one stops working. Needs the password and
   * a current code, like turning TOTP off: a borrowed session alone cannot take the codes.
   */
  async regenerateRecoveryCodes(actor: Actor, body: RecoveryCodesRegenerate, meta: Meta): Promise<RecoveryCodes> {
    this.refuseWhileCodeOwed(actor);
    const totp = await this.repository.findTotp(actor.userId);
    if (!totp?.enabledAt) throw new AppError('TOTP_NOT_ENABLED', 'Two-factor authentication is off.');
    await this.checkPassword(actor.userId, body.password, meta);
    await this.checkCode(actor.userId, body.code, meta);
    const codes = newRecoveryCodes();
    await this.repository.replaceRecoveryCodes(actor.userId, codes.map(hashRecoveryCode));
    await this.audit.record({ action: 'auth.recovery_codes_regenerated', actorId: actor.userId, subjectUserId: actor.userId, ip: meta.ip });
    return { recoveryCodes: codes };
  }

  /** The account's password (or PIN); wrong ones count towards the code back-off. */
  private async checkPassword(userId: string, password: string, meta: Meta): Promise<void> {
    const user = await this.repository.findUser(userId);
    await this.throttle.assertAllowed(throttleKey(userId), meta.ip);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.recordFailure(throttleKey(userId), meta.ip);
      await this.audit.record({
        action: 'auth.second_factor_failed',
        actorId: userId,
        subjectUserId: userId,
        ip: meta.ip,
        details: { reason: 'PASSWORD_INCORRECT' },
      });
      throw new AppError('PASSWORD_INCORRECT', 'The password is not correct.', {
        fields: { password: [{ code: 'incorrect', message: 'Not correct.' }] },
      });
    }
  }

  /** Checks a TOTP or recovery code of an enabled person, spending it; throws on any failure. */
  private async checkCode(userId: string, code: string, meta: Meta): Promise<'totp' | 'recovery_code'> {
    const key = throttleKey(userId);
    await this.throttle.assertAllowed(key, meta.ip);
    const totp = await this.repository.findTotp(userId);
    if (!totp?.enabledAt) throw new AppError('TOTP_NOT_ENABLED', 'Two-factor authentication is off.');
    if (isRecoveryCode(code)) {
      const used = await this.repository.useRecoveryCode(userId, hashRecoveryCode(code));
      if (used === 'used') await this.fail(userId, 'RECOVERY_CODE_USED', meta);
      if (used === 'unknown') await this.fail(userId, 'TOTP_CODE_INVALID', meta);
      await this.throttle.recordSuccess(key);
      return 'recovery_code';
    }
    const match = matchTotp(code, decryptSecret(totp.secretEncrypted, atRestSecret(this.config)));
    if (match.kind === 'expired') await this.fail(userId, 'TOTP_CODE_EXPIRED', meta);
    if (match.kind === 'wrong') await this.fail(userId, 'TOTP_CODE_INVALID', meta);
    if (match.kind === 'valid' && !(await this.repository.useStep(userId, match.step))) {
      await this.fail(userId, 'TOTP_CODE_REUSED', meta);
    }
    await this.throttle.recordSuccess(key);
    return 'totp';
  }

  private async fail(
    userId: string,
    code: 'TOTP_CODE_INVALID' | 'TOTP_CODE_EXPIRED' | 'TOTP_CODE_REUSED' | 'RECOVERY_CODE_USED',
    meta: Meta,
  ): Promise<never> {
    await this.throttle.recordFailure(throttleKey(userId), meta.ip);
    await this.audit.record({ action: 'auth.second_factor_failed', actorId: userId, subjectUserId: userId, ip: meta.ip, details: { reason: code } });
    throw new AppError(code, MESSAGES[code], {
      fields: { code: [{ code: code.toLowerCase(), message: MESSAGES[code] }] },
    });
  }

  private refuseWhileCodeOwed(actor: Actor): void {
    if (actor.secondFactor === 'VERIFY') {
      throw new AppError('SECOND_FACTOR_REQUIRED', 'Finish signing in with your second factor.', { step: 'verify' });
    }
  }
}

const MESSAGES = {
  TOTP_CODE_INVALID: 'This code is not right.',
  TOTP_CODE_EXPIRED: 'This code has expired: check the clock of your phone and use the newest code.',
  TOTP_CODE_REUSED: 'This code was already used: wait for the next one.',
  RECOVERY_CODE_USED: 'This recovery code was already used.',
} as const;

/** Wrong codes back off per person, beside (not mixed with) the per-e-mail password counter. */
const throttleKey = (userId: string) => `totp:${userId}`;
