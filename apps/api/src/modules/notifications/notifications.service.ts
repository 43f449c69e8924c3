import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_LANGUAGE, isLanguage, type MessageKind, type NotificationKind } from '@tadamon/shared';
import { noticeOf } from '../../common/channels/short-messages.js';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { digestMail, notificationMail, notificationSentence } from './notification-mail.js';
import { NotificationsRepository } from './notifications.repository.js';
import { enqueueMail } from '../../common/mail/enqueue-mail.js';

export interface NotificationEvent {
  /** Identifies the event, e.g. "post:<id>"; with the recipient it is unique for ever. */
  eventKey: string;
  kind: NotificationKind;
  recipients: string[];
  data: Record<string, string>;
  /** SPA path, e.g. /collaboration/threads/<id>. */
  link: string;
  /** Whoever caused the event is not notified of their own act. */
  actorId?: string;
  /**
   * Only in the app, never by e-mail (not even in the digest): for events that already have an
   * e-mail of their own, such as a meeting invitation with its .ics.
   */
  inAppOnly?: boolean;
}

/**
 * The kind of message (the person's channel choice) each notification goes out as. Those not
 * named here (personal-data notices, whose links need the signed-in app) stay e-mail only.
 */
const MESSAGE_KIND_OF: Partial<Record<NotificationKind, MessageKind>> = {
  mention: 'COLLABORATION',
  reply: 'COLLABORATION',
  newThread: 'COLLABORATION',
  documentStatus: 'COLLABORATION',
  signatureRequested: 'COLLABORATION',
  signatureDecided: 'COLLABORATION',
  documentComment: 'COLLABORATION',
  meetingInvitation: 'MEETING',
  meetingPoll: 'MEETING',
  meetingTimeChanged: 'MEETING',
  meetingCancelled: 'MEETING',
  meetingMinutes: 'MEETING',
  meetingActionItem: 'MEETING',
};

/** Hour (UTC) at which daily digests go out. */
export const DIGEST_HOUR_UTC = 7;

/** Next digest time after `now`: the day it belongs to and how long until then. */
export function nextDigest(now: Date): { day: string; delayMs: number } {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return { day: at.toISOString().slice(0, 10), delayMs: at.getTime() - now.getTime() };
}

/**
 * In-app notifications and their messages (e-mail, or the channels the person chose per kind;
 * daily digests are e-mail). Every e-mail goes through the job queue with a
 * deterministic id (the notification's, or the person's digest day), so an event recorded
 * twice, or a job run twice, never mails anyone twice.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records the notifications and queues their e-mails (or digest) in one transaction: the
   * caller's `tx` when given, so the event, its notifications and their jobs commit together.
   */
  async notify(event: NotificationEvent, tx?: JobTx): Promise<void> {
    const userIds = [...new Set(event.recipients)].filter((id) => id !== event.actorId);
    if (userIds.length === 0) return;
    await this.repository.inTransaction(tx, async (db) => {
      const created = await this.repository.createNew(
        userIds.map((userId) => ({ userId, eventKey: event.eventKey, kind: event.kind, data: event.data, link: event.link })),
        db,
      );
      if (created.length === 0) return;
      if (event.inAppOnly) {
        await this.repository.markEmailed(created.map((n) => n.id), db);
        return;
      }
      const people = new Map((await this.repository.recipients(created.map((n) => n.userId), db)).map((p) => [p.id, p]));
      const mailedNow: string[] = [];
      for (const notification of created) {
        const person = people.get(notification.userId);
        if (!person) continue;
        const mode = person.notificationPreference?.emailMode ?? 'IMMEDIATE';
        const language = isLanguage(person.preferredLanguage) ? person.preferredLanguage : DEFAULT_LANGUAGE;
        if (mode === 'IMMEDIATE') {
          const link = `${this.config.publicUrl}${notification.link}`;
          const mail = notificationMail(language, notification, link);
          const reason = `notification:${notification.id}`;
          const kind = MESSAGE_KIND_OF[notification.kind as NotificationKind];
          if (kind) {
            // Through the person's channels for this kind: an SMS for whoever chose it.
            const short = noticeOf(notificationSentence(language, notification), link);
            await this.jobs.enqueue('messages.send', { reason, kind, userId: person.id, email: mail, short }, { jobId: reason, tx: db });
          } else {
            await enqueueMail(this.jobs, person.email, { ...mail, reason }, { jobId: reason, tx: db });
          }
          mailedNow.push(notification.id);
        } else if (mode === 'DAILY') {
          const { day, delayMs } = nextDigest(new Date());
          await this.jobs.enqueue('notifications.digest', { userId: person.id, day }, { jobId: `digest:${person.id}:${day}`, delayMs, tx: db });
        }
      }
      await this.repository.markEmailed(mailedNow, db);
    });
  }

  /**
   * Handles `notifications.digest`: one mail listing what is still unread and unmailed. The
   * mail job and the notifications marked as mailed commit together.
   */
  async sendDigest(userId: string, day: string): Promise<void> {
    await this.repository.inTransaction(undefined, async (db) => {
      const [person] = await this.repository.recipients([userId], db);
      if (!person) return;
      const pending = await this.repository.pendingForDigest(userId, db);
      if (pending.length === 0) return;
      const language = isLanguage(person.preferredLanguage) ? person.preferredLanguage : DEFAULT_LANGUAGE;
      const mail = digestMail(language, pending, `${this.config.publicUrl}/notifications`);
      const reason = `digest:${userId}:${day}`;
      await enqueueMail(this.jobs, person.email, { ...mail, reason }, { jobId: `digest-mail:${userId}:${day}`, tx: db });
      await this.repository.markEmailed(pending.map((n) => n.id), db);
      this.logger.debug({ userId, day, count: pending.length }, 'Digest queued');
    });
  }

  async list(actor: Actor) {
    const [rows, unreadCount] = await Promise.all([
      this.repository.list(actor.userId, 50),
      this.repository.unreadCount(actor.userId),
    ]);
    return {
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind as NotificationKind,
        data: (n.data ?? {}) as Record<string, string>,
        link: n.link,
        read: n.readAt !== null,
        createdAt: n.createdAt.toISOString(),
      })),
      unreadCount,
    };
  }

  async markRead(actor: Actor, ids?: string[]) {
    // Scoped by the reader's own id: someone else's notification id changes nothing.
    await this.repository.markRead(actor.userId, ids);
    return this.list(actor);
  }

  async preference(actor: Actor) {
    return { emailMode: (await this.repository.preference(actor.userId))?.emailMode ?? 'IMMEDIATE' };
  }

  async setPreference(actor: Actor, emailMode: 'IMMEDIATE' | 'DAILY' | 'OFF') {
    await this.repository.setPreference(actor.userId, emailMode);
    return { emailMode };
  }
}
