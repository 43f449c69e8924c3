import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository.js';
import { AppError } from '../../common/errors/app-error.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { SessionService } from '../../common/auth/session.service.js';
import type { Actor } from '../../common/auth/actor.js';

/**
 * Disabling an account (platform admins): the person can no longer sign in and every open
 * session ends at once. Their memberships and history stay, so enabling restores them.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async setDisabled(actor: Actor, userId: string, disabled: boolean, ip: string): Promise<void> {
    if (userId === actor.userId) throw new AppError('CONFLICT', 'You cannot disable your own account.');
    if (!(await this.repository.exists(userId))) throw new AppError('NOT_FOUND', 'No such account.');
    await this.repository.setDisabled(userId, disabled);
    if (disabled) await this.sessions.revokeAllForUser(userId);
    await this.audit.record({
      action: disabled ? 'account.disabled' : 'account.enabled',
      actorId: actor.userId,
      subjectUserId: userId,
      ip,
    });
  }
}
