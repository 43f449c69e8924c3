import { WorkAfterAnswer } from '../../common/background/work-after-answer.js';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { assertAcceptablePassword, hashPassword } from '../../common/auth/password.js';
import { SessionService } from '../../common/auth/session.service.js';
import { SignInThrottleService } from '../../common/auth/sign-in-throttle.service.js';
import { safeEqual } from '../../common/auth/tokens.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { RequestMeta } from '../auth/auth.service.js';
import { PhoneCodeRateLimiter } from './phone-code-rate-limiter.js';
import { PhoneCodesRepository } from './phone-codes.repository.js';

/** The SMS says "valid for 10 minutes" (common/channels/short-messages.ts): change both together. */
export const PHONE_CODE_TTL_MS = 10 * 60_000;
/** Wrong tries a code survives; then it is dead and a new one must be asked for. */
export const PHONE_CODE_MAX_ATTEMPTS = 5;

/** Only a salted hash is stored: the row id salts it, so equal codes never share a hash. */
export function phoneCodeHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

/**
 * Password reset for accounts that have a phone but maybe no e-mail: a 6-digit code by SMS
 * (or WhatsApp, if the person chose it for password codes), valid 10 minutes, once. Requests
 * answer the same whether the number is known; only rate limits answer otherwise.
 */
@Injectable()
export class SmsPasswordResetService implements OnModuleDestroy {
  private readonly logger = new Logger('SmsPasswordReset');
  private readonly afterAnswer = new WorkAfterAnswer(this.logger, 'SMS code request failed');

  constructor(
    private readonly repository: PhoneCodesRepository,
    private readonly limiter: PhoneCodeRateLimiter,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the request (429 beyond the limits), then answers at once; the work follows the answer. */
  async request(phone: string, meta: RequestMeta): Promise<void> {
    await this.limiter.hit(phone, meta.ip);
    this.afterAnswer.start(this.issue(phone, meta));
  }

  async settled(): Promise<void> {
    await this.afterAnswer.settled();
  }

  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }

  async confirm(input: { phone: string; code: string; password: string }, meta: RequestMeta): Promise<void> {
    // The password is checked first, so a refused password does not use up the code.
    assertAcceptablePassword(input.password);
    const user = await this.repository.findUserByPhone(input.phone);
    if (!user || user.disabledAt) throw codeInvalid();
    const passwordHash = await hashPassword(input.password);
    const outcome = await this.repository.useCode({
      userId: user.id,
      matches: (row) => safeEqual(row.codeHash, phoneCodeHash(row.id, input.code)),
      maxAttempts: PHONE_CODE_MAX_ATTEMPTS,
      passwordHash,
    });
    if (outcome !== 'used') throw codeInvalid();
    const ended = await this.sessions.revokeAllForUser(user.id);
    if (user.email) await this.throttle.recordSuccess(user.email);
    await this.audit.record({
      action: 'auth.password_reset',
      actorId: user.id,
      subjectUserId: user.id,
      ip: meta.ip,
      details: { sessionsEnded: ended, channel: 'phone' },
    });
  }

  private async issue(phone: string, meta: RequestMeta): Promise<void> {
    const user = await this.repository.findUserByPhone(phone);
    if (!user || user.disabledAt) return;
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const stored = await this.repository.createWithinLimit(
      {
        id,
        userId: user.id,
        codeHash: phoneCodeHash(id, code),
        expiresAt: new Date(Date.now() + PHONE_CODE_TTL_MS),
        limit: this.config.PHONE_CODES_PER_NUMBER_PER_HOUR,
      },
      async (tx) => {
        const reason = `password-code:${id}`;
        await this.jobs.enqueue(
          'messages.send',
          {
            reason,
            kind: 'PASSWORD_CODE',
            userId: user.id,
            // Asked for by phone: the code goes to the phone, never to a mailbox.
            onlyChannels: ['SMS', 'WHATSAPP'],
            short: { template: 'password-code', values: { code } },
          },
          { jobId: reason, tx },
        );
      },
    );
    if (!stored) return;
    await this.audit.record({
      action: 'auth.password_reset_requested',
      subjectUserId: user.id,
      ip: meta.ip,
      details: { codeId: stored.id, channel: 'phone' },
    });
  }
}

const codeInvalid = () =>
  new AppError('PHONE_CODE_INVALID', 'This code is wrong or no longer valid. Ask for a new one.');
