import { Injectable } from '@nestjs/common';
import {
  type ActionItem,
  type ActionItemInput,
  type ActionStatus,
  type AttendanceInput,
  type AttendanceList,
  type MinutesInput,
  type MinutesResponse,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { actionItemData, assigneeChanged, isAssignable, isParticipant, mayUpdateStatus, minutesShown } from './follow-up-rules.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingFollowUpRepository } from './meeting-follow-up.repository.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { assertScheduled } from './meetings.service.js';
import { MeetingsRepository, type StoredMeeting } from './meetings.repository.js';

type StoredItem = NonNullable<Awaited<ReturnType<MeetingFollowUpRepository['actionItem']>>>;

/**
 * After the meeting: minutes (Markdown, shown as sanitised HTML), attendance recorded by the
 * host, and action items assigned to organisations. Participants — the host's managers,
 * invited organisations' leaders and people who registered — read them; everyone else who can
 * see the meeting gets 403, and anyone who cannot see it 404.
 */
@Injectable()
export class MeetingFollowUpService {
  constructor(
    private readonly repository: MeetingFollowUpRepository,
    private readonly meetings: MeetingsRepository,
    private readonly access: MeetingAccess,
    private readonly policy: AccessPolicy,
    private readonly notifications: MeetingNotifications,
    private readonly inApp: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: MeetingClock,
  ) {}

  async minutes(actor: Actor, meetingId: string): Promise<MinutesResponse> {
    const meeting = await this.requireParticipant(actor, meetingId);
    const canEdit = this.access.canManage(actor, meeting);
    const minutes = await this.repository.minutes(meetingId);
    if (!minutes || !minutesShown(minutes, canEdit)) return { minutes: null, canEdit };
    return {
      canEdit,
      minutes: {
        html: renderMarkdown(minutes.body),
        body: canEdit ? minutes.body : null,
        publishedAt: minutes.publishedAt?.toISOString() ?? null,
        updatedAt: minutes.updatedAt.toISOString(),
        canEdit,
      },
    };
  }

  async saveMinutes(actor: Actor, meetingId: string, input: MinutesInput): Promise<MinutesResponse> {
    const meeting = await this.access.requireManage(actor, meetingId);
    assertScheduled(meeting);
    // Participants are notified (and mailed) in the transaction that first publishes the minutes.
    await this.repository.saveMinutes(meetingId, input.body, input.publish, actor.userId, this.clock.now(), async (tx) =>
      this.notifications.notifyInApp(meeting, 'meetingMinutes', 'minutes', await this.notifications.audienceIds(meeting, tx), false, tx),
    );
    await this.record(actor, 'meeting.minutes_saved', meeting, { published: input.publish });
    return this.minutes(actor, meetingId);
  }

  async attendance(actor: Actor, meetingId: string): Promise<AttendanceList> {
    await this.access.requireManage(actor, meetingId);
    const [registered, recorded] = await Promise.all([this.repository.registered(meetingId), this.repository.attendance(meetingId)]);
    const status = new Map(recorded.map((r) => [r.userId, r.status]));
    const users = new Map((await this.meetings.users(registered.map((r) => r.userId))).map((u) => [u.id, u.name]));
    const organisationIds = registered.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
    const organisations = new Map((await this.meetings.organisations(organisationIds)).map((o) => [o.id, o.name]));
    return {
      items: registered.map((r) => ({
        userId: r.userId,
        name: users.get(r.userId) ?? '',
        organisationName: r.organisationId ? (organisations.get(r.organisationId) ?? null) : null,
        status: status.get(r.userId) ?? null,
      })),
    };
  }

  async recordAttendance(actor: Actor, meetingId: string, input: AttendanceInput): Promise<AttendanceList> {
    const meeting = await this.access.requireManage(actor, meetingId);
    assertScheduled(meeting);
    const registered = new Set((await this.repository.registered(meetingId)).map((r) => r.userId));
    const strangers = input.entries.filter((e) => !registered.has(e.userId)).map((e) => e.userId);
    if (strangers.length) {
      throw new AppError('MEETING_ATTENDEE_NOT_REGISTERED', 'Attendance is recorded only for people registered for this meeting.', { userIds: strangers });
    }
    await this.repository.recordAttendance(meetingId, input.entries, actor.userId);
    await this.record(actor, 'meeting.attendance_recorded', meeting, { entries: input.entries.length });
    return this.attendance(actor, meetingId);
  }

  async actionItems(actor: Actor, meetingId: string): Promise<{ items: ActionItem[] }> {
    const meeting = await this.requireParticipant(actor, meetingId);
    return { items: await this.views(actor, await this.repository.actionItems(meeting.id)) };
  }

  async createActionItem(actor: Actor, meetingId: string, input: ActionItemInput): Promise<ActionItem> {
    const meeting = await this.access.requireManage(actor, meetingId);
    assertScheduled(meeting);
    await this.assertAssignable(meeting, input.assigneeOrganisationId);
    const item = await this.repository.createActionItem(meetingId, actionItemData(input), actor.userId, this.assigneeNotice(actor, meeting, null));
    await this.record(actor, 'meeting.action_item_saved', meeting, { itemId: item.id, assignee: item.assigneeOrganisationId, status: item.status });
    return (await this.views(actor, [item]))[0]!;
  }

  async updateActionItem(actor: Actor, meetingId: string, itemId: string, input: ActionItemInput): Promise<ActionItem> {
    const meeting = await this.access.requireManage(actor, meetingId);
    const before = await this.repository.actionItem(meetingId, itemId);
    if (!before) throw notFound('action item');
    await this.assertAssignable(meeting, input.assigneeOrganisationId);
    const item = await this.repository.updateActionItem(itemId, actionItemData(input), this.assigneeNotice(actor, meeting, before.assigneeOrganisationId));
    await this.record(actor, 'meeting.action_item_saved', meeting, { itemId: item.id, assignee: item.assigneeOrganisationId, status: item.status });
    return (await this.views(actor, [item]))[0]!;
  }

  /** The assignee organisation's leaders (or the host's managers) move an item along. */
  async setActionItemStatus(actor: Actor, meetingId: string, itemId: string, status: ActionStatus): Promise<ActionItem> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    const before = await this.repository.actionItem(meetingId, itemId);
    if (!before) throw notFound('action item');
    if (!this.canUpdateStatus(actor, before)) {
      throw new AppError('FORBIDDEN', 'Only the leaders of the organisation the item is assigned to may change its status.');
    }
    const item = await this.repository.updateActionItem(itemId, { status });
    await this.record(actor, 'meeting.action_item_saved', meeting, { itemId, status });
    return (await this.views(actor, [item]))[0]!;
  }

  /** Open items of one organisation, for its home page; members of that organisation only. */
  async openItemsOf(actor: Actor, organisationId: string): Promise<{ items: ActionItem[] }> {
    await this.policy.requireOrganisationAccess(actor, 'meetings.read', [organisationId]);
    return { items: await this.views(actor, await this.repository.openItemsOf(organisationId, 50)) };
  }

  private async requireParticipant(actor: Actor, meetingId: string): Promise<StoredMeeting> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    const manages = this.access.canManage(actor, meeting);
    const respondsForAnOrganisation = this.access.respondableOrganisations(actor, meeting).length > 0;
    // Their own registration is read only when neither role already makes them a participant.
    if (isParticipant({ manages, respondsForAnOrganisation, registrationAnswer: null })) return meeting;
    const mine = await this.meetings.registrationOf(meetingId, actor.userId);
    if (isParticipant({ manages, respondsForAnOrganisation, registrationAnswer: mine?.answer ?? null })) return meeting;
    throw new AppError('FORBIDDEN', 'Only the meeting’s participants see what came out of it.');
  }

  /** Items go to the host or an invited organisation (any of the network's when it is open to all). */
  private async assertAssignable(meeting: StoredMeeting, organisationId: string) {
    const [organisation] = await this.meetings.organisations([organisationId]);
    const invited = !!organisation && this.access.isInvited(meeting, organisation.id, organisation.networkId);
    if (!isAssignable(meeting, organisation, invited)) {
      throw new AppError('MEETING_ASSIGNEE_NOT_INVITED', 'Action items go to the host or an organisation invited to the meeting.', {
        fields: { assigneeOrganisationId: [{ code: 'custom', message: 'assigneeNotInvited' }] },
      });
    }
  }

  /**
   * The new assignee organisation's leaders hear of the item, in the transaction that saves it
   * (with the mail job), so a saved item is never left without its notice.
   */
  private assigneeNotice(actor: Actor, meeting: StoredMeeting, previousAssignee: string | null): AlsoInTransaction<StoredItem> {
    return async (tx, item) => {
      if (!assigneeChanged(previousAssignee, item)) return;
      const [organisation] = await this.meetings.organisations([item.assigneeOrganisationId], tx);
      await this.inApp.notify({
        eventKey: `meeting-action-item:${item.id}:${item.assigneeOrganisationId}`,
        kind: 'meetingActionItem',
        recipients: await this.repository.leadersOf(item.assigneeOrganisationId, tx),
        data: { title: item.title, group: meeting.title, organisation: organisation?.name ?? '' },
        link: `/meetings/${meeting.id}`,
        actorId: actor.userId,
      }, tx);
    };
  }

  private canUpdateStatus(actor: Actor, item: StoredItem): boolean {
    return mayUpdateStatus(actor, item, this.canEdit(actor, item));
  }

  private canEdit(actor: Actor, item: StoredItem): boolean {
    return this.access.canManage(actor, { hostOrganisationId: item.meeting.hostOrganisationId, networkId: item.meeting.networkId });
  }

  private async views(actor: Actor, items: StoredItem[]): Promise<ActionItem[]> {
    const names = new Map((await this.meetings.organisations(items.map((i) => i.assigneeOrganisationId))).map((o) => [o.id, o.name]));
    return items.map((item) => ({
      id: item.id,
      meetingId: item.meetingId,
      meetingTitle: item.meeting.title,
      title: item.title,
      description: item.description,
      assigneeOrganisation: { id: item.assigneeOrganisationId, name: names.get(item.assigneeOrganisationId) ?? '' },
      dueDate: item.dueDate ? item.dueDate.toISOString().slice(0, 10) : null,
      status: item.status,
      canEdit: this.canEdit(actor, item),
      canUpdateStatus: this.canUpdateStatus(actor, item),
    }));
  }

  private record(actor: Actor, action: 'meeting.minutes_saved' | 'meeting.attendance_recorded' | 'meeting.action_item_saved', meeting: StoredMeeting, details: Record<string, unknown>) {
    return this.audit.record({
      action,
      actorId: actor.userId,
      organisationId: meeting.hostOrganisationId,
      networkId: meeting.networkId,
      details: { meetingId: meeting.id, ...details },
    });
  }
}
