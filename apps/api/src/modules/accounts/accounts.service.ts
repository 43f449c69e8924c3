import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
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
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async setDisabled(actor: Actor, userId: string, disabled: boolean, ip: string): Promise<void> {
    if (userId === actor.userId) throw new AppError('CONFLICT', 'You cannot disable your own account.');
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError('NOT_FOUND', 'No such account.');
    await this.prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await this.sessions.revokeAllForUser(userId);
    await this.audit.record({
      action: disabled ? 'account.disabled' : 'account.enabled',
      actorId: actor.userId,
      subjectUserId: userId,
      ip,
    });
  }
}
