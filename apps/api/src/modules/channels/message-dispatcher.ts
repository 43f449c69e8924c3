import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_LANGUAGE, isLanguage, type MessageChannel, type MessageKind } from '@tadamon/shared';
import { ChannelSendError, type StatusUpdate } from '../../common/channels/channel-types.js';
import { NotificationChannels, type ChannelContent } from '../../common/channels/notification-channel.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import type { JobPayload, JobTx } from '../../common/jobs/job-catalogue.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { budgetAlertMail, type BudgetAlert } from './budget-alert-mail.js';
import { ChannelsRepository } from './channels.repository.js';

type Payload = JobPayload<'messages.send'>;

/** Without a choice of their own, people get e-mail, and SMS when they have no e-mail or it fails. */
export const DEFAULT_CHANNELS: readonly MessageChannel[] = ['EMAIL', 'SMS'];

const SECRET_KINDS = new Set<MessageKind>(['PASSWORD_CODE', 'INVITATION']);

/** UTC calendar month, the budget's period. */
export function budgetMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Handles `messages.send`: picks the person's channels for the kind of message, tries them in
 * order and records every try. A channel that refuses, times out or is over the network's
 * monthly budget hands over to the next; a delivery reported failed later by the provider's
 * callback does the same (`fallBack`). Every try of a channel is one row, unique per message and
 * channel, so a job run twice never sends twice through the same channel.
 */
@Injectable()
export class MessageDispatcher {
  private readonly logger = new Logger('Messages');

  constructor(
    private readonly repository: ChannelsRepository,
    private readonly channels: NotificationChannels,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The channels tried for this person and kind, in order, that can reach them. */
  async channelsFor(
    person: { id: string; email: string | null; phone: string | null },
    kind: MessageKind,
    only?: readonly MessageChannel[],
  ): Promise<MessageChannel[]> {
    const chosen = (await this.repository.preferences(person.id)).get(kind) ?? DEFAULT_CHANNELS;
    let order = only ? chosen.filter((c) => only.includes(c)) : [...chosen];
    // A code asked for by phone still goes somewhere when the person allowed neither phone channel.
    if (only && order.length === 0) order = [...only];
    return order.filter((name) => this.channels.all[name].addressOf(person) !== null);
  }

  async deliver(payload: Payload): Promise<void> {
    const person = await this.repository.recipient(payload.userId);
    if (!person || person.disabledAt) return;
    const networkId =
      payload.networkId ?? person.memberships[0]?.organisation.networkId ?? person.networkRoles[0]?.networkId ?? null;
    const message = await this.repository.message({
      reason: payload.reason,
      userId: person.id,
      kind: payload.kind,
      networkId,
      // Codes and invitation links are secrets kept elsewhere only as hashes: never stored in
      // clear here, so such a message falls back only while this job runs.
      payload: SECRET_KINDS.has(payload.kind) ? null : payload,
    });
    // A try left QUEUED long past the provider's deadline belongs to a run that died mid-send
    // (the job is being retried): it may or may not have gone out, so the next channel is tried.
    const staleBefore = Date.now() - 2 * this.config.CHANNEL_TIMEOUT_MS - 5_000;
    for (const delivery of message.deliveries) {
      if (delivery.status === 'QUEUED' && delivery.createdAt.getTime() < staleBefore) {
        await this.repository.deliveryFailed(delivery.id, 'INTERRUPTED', delivery.units);
        delivery.status = 'FAILED';
      }
    }
    // Reached, or being reached, through some channel: nothing more to do.
    if (message.deliveries.some((d) => d.status !== 'FAILED')) return;
    const tried = new Set(message.deliveries.map((d) => d.channel));
    const content: ChannelContent = {
      language: isLanguage(person.preferredLanguage) ? person.preferredLanguage : DEFAULT_LANGUAGE,
      email: payload.email,
      short: payload.short,
    };
    const order = await this.channelsFor(person, payload.kind, payload.onlyChannels);
    for (const name of order) {
      if (tried.has(name)) continue;
      const channel = this.channels.all[name];
      if (!channel.canCarry(content)) continue;
      const recipient = channel.addressOf(person)!;
      const units = channel.cost(content);
      const delivery = await this.repository.startDelivery({
        messageId: message.id,
        channel: name,
        provider: channel.provider,
        recipient,
        units,
      });
      if (!delivery) return; // another run of this job holds this channel
      const month = budgetMonth();
      if (units > 0 && networkId && !(await this.reserve(networkId, month, units))) {
        await this.repository.deliveryFailed(delivery.id, 'BUDGET_EXHAUSTED');
        continue;
      }
      try {
        const { providerMessageId } = await channel.send(recipient, content);
        await this.repository.deliverySent(delivery.id, providerMessageId);
        // Without delivery receipts (e-mail, log providers) nothing can fail later: done.
        if (!channel.callbacks) await this.repository.forgetPayload(message.id);
        return;
      } catch (error) {
        const code = error instanceof ChannelSendError ? error.code : 'ERROR';
        // Refused or unanswered messages are not billed, so the budget gets them back.
        if (units > 0 && networkId) await this.repository.refundBudget(networkId, month, units);
        await this.repository.deliveryFailed(delivery.id, code);
        this.logger.warn({ reason: payload.reason, channel: name, code, err: error }, 'Delivery failed; trying the next channel');
      }
    }
    this.logger.warn({ reason: payload.reason, tried: order }, 'No channel could deliver the message');
  }

  /** A verified provider callback: recorded, and a failure hands the message to the next channel. */
  async statusCallback(provider: string, update: StatusUpdate): Promise<boolean> {
    // The next channel's job is queued in the transaction that records the failure.
    const result = await this.repository.recordStatus(provider, update, async (tx, failed) => {
      if (!failed.message.payload) return;
      const payload = failed.message.payload as Payload;
      await this.jobs.enqueue('messages.send', payload, { jobId: `${payload.reason}:after-failed:${failed.channel}`, tx });
    });
    if (result.delivered && (result.delivered.status === 'DELIVERED' || result.delivered.status === 'READ')) {
      await this.repository.forgetPayload(result.delivered.messageId);
    }
    return result.recorded;
  }

  /** The network's own monthly limit when its coordinators set one, else the platform default. */
  async monthlyLimit(networkId: string): Promise<number> {
    return (await this.repository.budgetLimit(networkId))?.monthlyLimit ?? this.config.MESSAGE_BUDGET_PER_NETWORK;
  }

  private async reserve(networkId: string, month: string, units: number): Promise<boolean> {
    const limit = await this.monthlyLimit(networkId);
    const used = await this.repository.reserveBudget(networkId, month, units, limit);
    if (used === null) {
      await this.repository.claimAlert(networkId, month, 'exhausted', (tx) => this.alert(networkId, month, 'exhausted', limit, limit, tx));
      return false;
    }
    const threshold = Math.ceil((limit * this.config.MESSAGE_BUDGET_ALERT_PERCENT) / 100);
    if (used >= threshold) await this.repository.claimAlert(networkId, month, 'nearly', (tx) => this.alert(networkId, month, 'nearly', used, limit, tx));
    return true;
  }

  /**
   * Mails the network's coordinators, each in their language, once per alert and month: the
   * mails are queued in `tx`, the transaction that claims the alert.
   */
  private async alert(networkId: string, month: string, alert: BudgetAlert, used: number, limit: number, tx: JobTx): Promise<void> {
    const network = await this.repository.network(networkId, tx);
    if (!network) return;
    this.logger.warn({ networkId, month, alert, used, limit }, 'Message budget alert');
    for (const coordinator of await this.repository.coordinators(networkId, tx)) {
      if (!coordinator.email) continue;
      const language = isLanguage(coordinator.preferredLanguage) ? coordinator.preferredLanguage : DEFAULT_LANGUAGE;
      const mail = budgetAlertMail(
        language,
        alert,
        {
          name: coordinator.name,
          network: network.name,
          used: String(used),
          limit: String(limit),
          percent: String(Math.floor((used * 100) / Math.max(1, limit))),
          month,
        },
        `${this.config.publicUrl}/`,
      );
      const reason = `message-budget:${networkId}:${month}:${alert}:${coordinator.id}`;
      await this.jobs.enqueue('mail.send', { to: coordinator.email, ...mail, reason }, { jobId: reason, tx });
    }
  }
}
