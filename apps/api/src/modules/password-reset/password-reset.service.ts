import { WorkAfterAnswer } from '../../common/background/work-after-answer.js';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DEFAULT_LANGUAGE, isLanguage } from '@tadamon/shared';
import { assertAcceptablePassword, hashPassword } from '../../common/auth/password.js';
import { SessionService } from '../../common/auth/session.service.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { hashToken, newToken } from '../../common/auth/tokens.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { passwordResetMail } from '../../common/mail/messages/index.js';
import type { RequestMeta } from '../auth/auth.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { enqueueMail } from '../../common/mail/enqueue-mail.js';

/** The mail text says "within one hour": change both together. */
export const RESET_TOKEN_TTL_MS = 3600_000;
/** More requests than this per account and hour are dropped silently (no mail bombing). */
export const RESET_MAILS_PER_HOUR = 3;

@Injectable()
export class PasswordResetService implements OnModuleDestroy {
  private readonly logger = new Logger('PasswordReset');
  private readonly afterAnswer = new WorkAfterAnswer(this.logger, 'Password reset request failed');

  constructor(
    private readonly repository: PasswordResetRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Answers at once, the same way for every address; the lookup and mail happen after the
   * answer, so neither the reply nor its timing tells whether an account exists.
   */
  request(email: string, meta: RequestMeta): void {
    this.afterAnswer.start(this.issue(email, meta));
  }

  /** Resolves when every started request has finished (shutdown, tests). */
  async settled(): Promise<void> {
    await this.afterAnswer.settled();
  }

  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }

  async confirm(token: string, password: string, meta: RequestMeta): Promise<void> {
    const reset = await this.repository.findUsable(hashToken(token), new Date());
    if (!reset || reset.user.disabledAt) throw resetInvalid();
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    if (!(await this.repository.consumeAndSetPassword(reset.id, reset.userId, passwordHash))) throw resetInvalid();
    // Whoever knew the old password is out: every session ends, the person signs in anew.
    const ended = await this.sessions.revokeAllForUser(reset.userId);
    // Proving control of the mailbox lifts a lock-out an attacker may have caused.
    await this.throttle.recordSuccess(reset.userId);
    await this.audit.record({
      action: 'auth.password_reset',
      actorId: reset.userId,
      subjectUserId: reset.userId,
      ip: meta.ip,
      details: { sessionsEnded: ended },
    });
  }

  private async issue(email: string, meta: RequestMeta): Promise<void> {
    const user = await this.repository.findUserByEmail(email);
    if (!user || user.disabledAt) return;
    const token = newToken();
    const language = isLanguage(user.preferredLanguage) ? user.preferredLanguage : DEFAULT_LANGUAGE;
    const mail = passwordResetMail(language, {
      name: user.name,
      link: `${this.config.publicUrl}/reset-password?token=${token}`,
    });
    const reset = await this.repository.createWithinLimit(
      {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
        limit: RESET_MAILS_PER_HOUR,
        windowStart: new Date(Date.now() - 3600_000),
      },
      async (tx, { id }) => {
        const reason = `password-reset:${id}`;
        await enqueueMail(this.jobs, user.email, { ...mail, reason }, { jobId: reason, tx });
      },
    );
    if (!reset) return;
    await this.audit.record({
      action: 'auth.password_reset_requested',
      subjectUserId: user.id,
      ip: meta.ip,
      details: { resetId: reset.id },
    });
  }
}

const resetInvalid = () =>
  new AppError('RESET_TOKEN_INVALID', 'This reset link is no longer valid. Ask for a new one.');
