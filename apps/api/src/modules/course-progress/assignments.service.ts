import { Injectable } from '@nestjs/common';
import type { Assignable, Assignment, CourseAssign } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { CourseVisibility, seesPath } from '../courses/course-visibility.js';
import { EnrolmentWriter } from '../learning/enrolments.module.js';
import { CourseProgressRepository } from './course-progress.repository.js';
import { CourseRemindersService } from './course-reminders.service.js';
import { localisedText } from '../../common/i18n/localised-text.js';

export interface AssignResult {
  items: Assignment[];
  /** Courses of a path not assigned yet because their prerequisites are not completed. */
  waiting: { userId: string; courseId: string }[];
}

const assignmentOut = (e: { id: string; courseId: string; userId: string; status: Assignment['status']; dueAt: Date | null }): Assignment => ({
  enrolmentId: e.id,
  courseId: e.courseId,
  userId: e.userId,
  status: e.status,
  dueAt: e.dueAt?.toISOString() ?? null,
});

/**
 * Leaders assign courses to members of their organisation; coordinators to members of any
 * organisation of their network. Every enrolment goes through the learning module's `EnrolmentWriter`.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repository: CourseProgressRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly reminders: CourseRemindersService,
    private readonly visibility: CourseVisibility,
    private readonly enrolments: EnrolmentWriter,
  ) {}

  async assignable(actor: Actor, organisationId: string, q?: string): Promise<Assignable> {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'courses.assign', [organisationId]);
    const full = (await this.repository.organisation(organisation!.id))!;
    const fallback = full.network.fallbackLanguages;
    const pick = (texts: unknown) => localisedText(texts, actor.preferredLanguage, fallback);
    const found = await this.repository.assignable(organisation!, q?.replace(/[%_\\]/g, '\\$&'));
    return {
      courses: found.courses.map((c) => ({ id: c.id, title: pick(c.titles), organisationId: c.organisationId })),
      paths: found.paths.map((p) => ({ id: p.id, title: pick(p.titles), courseIds: p.courses.map((c) => c.courseId) })),
      members: found.members.map((m) => ({ userId: m.userId, name: m.user.name })),
    };
  }

  async assign(actor: Actor, input: CourseAssign, ip: string): Promise<AssignResult> {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'courses.assign', [input.organisationId]);
    const userIds = [...new Set(input.userIds)];
    const members = await this.repository.membersAmong(organisation!.id, userIds);
    // Someone outside the organisation does not exist as far as this assignment goes.
    if (userIds.some((id) => !members.has(id))) throw notFound('member');
    const courseIds = await this.coursesToAssign(actor, input, organisation!);
    const dueAt = input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt);

    const before = new Map((await this.repository.enrolmentsOf(courseIds, userIds)).map((e) => [`${e.courseId}:${e.userId}`, e]));
    const viaPath = !!input.learningPathId;
    const { items, waiting } = await this.repository.transaction(async (tx) => {
      const items = [];
      const waiting: AssignResult['waiting'] = [];
      for (const userId of userIds) {
        for (const courseId of courseIds) {
          try {
            items.push(
              await this.enrolments.enrol(tx, {
                courseId,
                userId,
                organisationId: organisation!.id,
                source: 'ASSIGNED',
                assignedById: actor.userId,
                dueAt,
              }),
            );
          } catch (error) {
            // A path's later courses wait for the earlier ones; a single course must be assignable.
            if (viaPath && error instanceof AppError && error.code === 'COURSE_PREREQUISITES_MISSING') {
              waiting.push({ userId, courseId });
              continue;
            }
            throw error;
          }
        }
      }
      // The mails and reminders go to the outbox in this transaction: they exist exactly when the assignment does.
      for (const enrolment of items) {
        const previous = before.get(`${enrolment.courseId}:${enrolment.userId}`);
        const newlyAssigned = !previous || previous.status === 'WITHDRAWN' || !previous.assignedById;
        // A fresh assignment mails the learner; a repeated one only moves the reminder.
        if (newlyAssigned) await this.reminders.assigned(enrolment.id, String(enrolment.updatedAt.getTime()), previous?.dueAt ?? null, tx);
        else await this.reminders.dueDateChanged(enrolment.id, previous.dueAt, enrolment.status === 'ACTIVE' ? enrolment.dueAt : null, tx);
      }
      return { items, waiting };
    });
    await this.audit.record({
      action: 'course.assigned',
      actorId: actor.userId,
      organisationId: organisation!.id,
      networkId: organisation!.networkId,
      ip,
      details: { courseIds, learningPathId: input.learningPathId ?? null, userIds, dueAt: input.dueAt ?? null },
    });
    return { items: items.map(assignmentOut), waiting };
  }

  /**
   * Withdraws an assignment not yet completed. A learner who had enrolled themselves keeps
   * their enrolment; only the assignment (who, due date) goes.
   */
  async unassign(actor: Actor, enrolmentId: string, ip: string): Promise<void> {
    const enrolment = await this.repository.enrolment(enrolmentId);
    if (!enrolment || (!enrolment.assignedById && enrolment.source !== 'ASSIGNED')) throw notFound('assignment');
    // Another organisation's assignment is private to it: 404, as for an unknown id.
    this.access.requireOrganisationObject(actor, 'courses.assign', { id: enrolment.organisationId, networkId: enrolment.organisation.networkId }, 'assignment');
    if (enrolment.status === 'COMPLETED') throw new AppError('ENROLMENT_ALREADY_COMPLETED');
    if (enrolment.status === 'WITHDRAWN') return;
    await this.repository.transaction(async (tx) => {
      await this.repository.withdrawAssignment(enrolment.id, enrolment.source === 'ASSIGNED', tx);
      await this.reminders.enrolmentEnded(enrolment.id, enrolment.dueAt, tx);
    });
    await this.audit.record({
      action: 'course.unassigned',
      actorId: actor.userId,
      subjectUserId: enrolment.userId,
      organisationId: enrolment.organisationId,
      networkId: enrolment.organisation.networkId,
      ip,
      details: { enrolmentId: enrolment.id, courseId: enrolment.courseId },
    });
  }

  /** The course, or the path's courses in order; 404 for anything the organisation may not see. */
  private async coursesToAssign(actor: Actor, input: CourseAssign, organisation: { id: string; networkId: string }): Promise<string[]> {
    if (input.courseId) {
      const course = await this.repository.courseVisibleTo(input.courseId, organisation);
      // A draft of the network the leader may not see is as unknown as another organisation's course.
      if (!course || !(await this.visibility.seesCourse(actor, course.id))) throw notFound('course');
      if (course.status !== 'PUBLISHED') throw new AppError('COURSE_NOT_PUBLISHED');
      return [course.id];
    }
    const path = await this.repository.pathVisibleTo(input.learningPathId!, organisation);
    if (!path || !seesPath(actor, path)) throw notFound('learning path');
    if (path.status !== 'PUBLISHED' || path.courses.length === 0) throw new AppError('COURSE_NOT_PUBLISHED');
    return path.courses.map((c) => c.courseId);
  }
}
