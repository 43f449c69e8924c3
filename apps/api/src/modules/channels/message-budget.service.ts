import { Inject, Injectable } from '@nestjs/common';
import type { MessageBudget, MessageBudgetUpdate } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import type { RequestMeta } from '../auth/auth.service.js';
import { ChannelsRepository } from './channels.repository.js';
import { budgetMonth } from './message-dispatcher.js';

/**
 * A network's monthly SMS/WhatsApp budget as its coordinators see and set it. The limit takes
 * effect on the next message sent (the dispatcher reads it each time); lowering it below what
 * is already used stops sending for the rest of the month, and raising it resumes sending.
 */
@Injectable()
export class MessageBudgetService {
  constructor(
    private readonly repository: ChannelsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor, networkId: string): Promise<MessageBudget> {
    await this.access.requireNetworkAccess(actor, 'network.manage', networkId);
    return this.view(networkId);
  }

  async update(actor: Actor, networkId: string, input: MessageBudgetUpdate, meta: RequestMeta): Promise<MessageBudget> {
    await this.access.requireNetworkAccess(actor, 'network.manage', networkId);
    const before = await this.repository.budgetLimit(networkId);
    if (input.monthlyLimit === null) await this.repository.clearBudgetLimit(networkId);
    else await this.repository.saveBudgetLimit(networkId, input.monthlyLimit, actor.userId);
    await this.audit.record({
      action: 'channels.budget_changed',
      actorId: actor.userId,
      networkId,
      ip: meta.ip,
      details: { from: before?.monthlyLimit ?? null, to: input.monthlyLimit, platformDefault: this.config.MESSAGE_BUDGET_PER_NETWORK },
    });
    return this.view(networkId);
  }

  private async view(networkId: string): Promise<MessageBudget> {
    const month = budgetMonth();
    const [own, used] = await Promise.all([this.repository.budgetLimit(networkId), this.repository.budgetUsed(networkId, month)]);
    const platformDefault = this.config.MESSAGE_BUDGET_PER_NETWORK;
    return {
      networkId,
      month,
      used,
      monthlyLimit: own?.monthlyLimit ?? platformDefault,
      platformDefault,
      custom: own !== null,
      alertPercent: this.config.MESSAGE_BUDGET_ALERT_PERCENT,
      updatedAt: own?.updatedAt.toISOString() ?? null,
    };
  }
}
