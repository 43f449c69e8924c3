import { Injectable } from '@nestjs/common';
import type { CohortCreate, CohortDetail, CohortSummary, CohortUpdate } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { CourseVisibility } from '../courses/course-visibility.js';
import { EnrolmentWriter } from '../learning/enrolments.module.js';
import { CourseProgressClock } from './course-progress-clock.js';
import { CourseProgressRepository } from './course-progress.repository.js';
import { CourseRemindersService } from './course-reminders.service.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { ProgressReportsRepository } from './progress-reports.repository.js';
import { rowOut } from './progress-reports.service.js';

type StoredCohort = NonNullable<Awaited<ReturnType<CourseProgressRepository['cohort']>>>;

/**
 * Cohorts: a group going through one course between two dates. An organisation's cohort is
 * run by its leaders (and the network's coordinators); a network cohort by coordinators, with
 * members from any organisation of the network. Members are enrolled through the learning module's `EnrolmentWriter`
 * (source COHORT) with the cohort's end as their due date.
 */
@Injectable()
export class CohortsService {
  constructor(
    private readonly repository: CourseProgressRepository,
    private readonly reports: ProgressReportsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly reminders: CourseRemindersService,
    private readonly clock: CourseProgressClock,
    private readonly visibility: CourseVisibility,
    private readonly enrolments: EnrolmentWriter,
  ) {}

  async create(actor: Actor, input: CohortCreate & { organisationId: string | null }, ip: string): Promise<CohortDetail> {
    const course = await this.repository.course(input.courseId);
    // A course the caller may not see (another organisation's, a draft of the network) is unknown here.
    if (!course || !(await this.visibility.seesCourse(actor, course.id))) throw notFound('course');
    if (input.organisationId) {
      const [organisation] = await this.access.requireOrganisationAccess(actor, 'courses.assign', [input.organisationId]);
      const visible = organisation!.networkId === course.networkId && (!course.organisationId || course.organisationId === organisation!.id);
      if (!visible) throw notFound('course');
    } else {
      await this.access.requireNetworkAccess(actor, 'courses.assign', course.networkId);
    }
    if (course.status !== 'PUBLISHED') throw new AppError('COURSE_NOT_PUBLISHED');
    const cohort = await this.repository.createCohort({
      courseId: course.id,
      organisationId: input.organisationId,
      name: input.name,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      createdById: actor.userId,
    });
    await this.audit.record({
      action: 'course_cohort.created',
      actorId: actor.userId,
      organisationId: input.organisationId,
      networkId: course.networkId,
      ip,
      details: { cohortId: cohort.id, courseId: course.id },
    });
    return this.detail(actor, cohort.id);
  }

  /** Name and dates; a new end date becomes every active member's due date (reminders move). */
  async update(actor: Actor, cohortId: string, input: CohortUpdate, ip: string): Promise<CohortDetail> {
    const cohort = await this.editable(actor, cohortId);
    const startsAt = input.startsAt ? new Date(input.startsAt) : cohort.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : cohort.endsAt;
    if (startsAt >= endsAt) {
      throw new AppError('VALIDATION_FAILED', 'The cohort must end after it starts.', {
        fields: { endsAt: [{ code: 'custom', message: 'endsBeforeStart' }] },
      });
    }
    await this.repository.updateCohort(cohort.id, { name: input.name, startsAt, endsAt }, endsAt.getTime() !== cohort.endsAt.getTime(), async (tx, moved) => {
      for (const member of moved) await this.reminders.dueDateChanged(member.id, member.dueAt, endsAt, tx);
    });
    await this.audit.record({
      action: 'course_cohort.updated',
      actorId: actor.userId,
      organisationId: cohort.organisationId,
      networkId: cohort.course.networkId,
      ip,
      details: { cohortId: cohort.id, endsAt: endsAt.toISOString() },
    });
    return this.detail(actor, cohort.id);
  }

  async addMembers(actor: Actor, cohortId: string, userIds: string[], ip: string): Promise<CohortDetail> {
    const cohort = await this.editable(actor, cohortId);
    const people = [...new Set(userIds)];
    // Each person's organisation for the enrolment: the cohort's, or theirs within the network.
    const organisationOf = new Map<string, string>();
    if (cohort.organisationId) {
      const members = await this.repository.membersAmong(cohort.organisationId, people);
      for (const id of members) organisationOf.set(id, cohort.organisationId);
    } else {
      for (const [id, org] of await this.repository.membershipsInNetwork(cohort.course.networkId, people)) organisationOf.set(id, org);
    }
    if (people.some((id) => !organisationOf.has(id))) throw notFound('member');
    const before = new Map((await this.repository.enrolmentsOf([cohort.courseId], people)).map((e) => [e.userId, e]));
    await this.repository.transaction(async (tx) => {
      const written = [];
      for (const userId of people) {
        written.push(
          await this.enrolments.enrol(tx, {
            courseId: cohort.courseId,
            userId,
            organisationId: organisationOf.get(userId)!,
            source: 'COHORT',
            cohortId: cohort.id,
            dueAt: cohort.endsAt,
          }),
        );
      }
      // Their mails and reminders commit with the enrolments.
      for (const enrolment of written) {
        const previous = before.get(enrolment.userId);
        if (!previous || previous.status === 'WITHDRAWN' || previous.cohortId !== cohort.id) {
          await this.reminders.assigned(enrolment.id, `cohort-${cohort.id}-${enrolment.updatedAt.getTime()}`, previous?.dueAt ?? null, tx);
        }
      }
      return written;
    });
    await this.membersChanged(actor, cohort, ip, { added: people });
    return this.detail(actor, cohort.id);
  }

  async removeMember(actor: Actor, cohortId: string, userId: string, ip: string): Promise<void> {
    const cohort = await this.editable(actor, cohortId);
    const [enrolment] = (await this.repository.enrolmentsOf([cohort.courseId], [userId])).filter((e) => e.cohortId === cohort.id);
    if (!enrolment || enrolment.status === 'WITHDRAWN') throw notFound('cohort member');
    if (enrolment.status === 'COMPLETED') throw new AppError('ENROLMENT_ALREADY_COMPLETED');
    const full = await this.repository.enrolment(enrolment.id);
    // Someone who had enrolled or been assigned before joining keeps the course, not the cohort.
    await this.repository.transaction(async (tx) => {
      await this.repository.leaveCohort(enrolment.id, full!.source === 'COHORT', tx);
      await this.reminders.enrolmentEnded(enrolment.id, enrolment.dueAt, tx);
    });
    await this.membersChanged(actor, cohort, ip, { removed: [userId] });
  }

  async list(actor: Actor, query: { organisationId?: string; networkId?: string }): Promise<{ items: CohortSummary[] }> {
    let cohorts;
    if (query.organisationId) {
      await this.access.requireOrganisationAccess(actor, 'courses.progress', [query.organisationId]);
      cohorts = await this.repository.cohorts({ organisationId: query.organisationId });
    } else if (query.networkId) {
      await this.access.requireNetworkAccess(actor, 'courses.progress', query.networkId);
      cohorts = await this.repository.cohorts({ course: { networkId: query.networkId } });
    } else {
      throw new AppError('VALIDATION_FAILED', 'Name an organisation or a network.');
    }
    const counts = await this.repository.cohortCounts(cohorts.map((c) => c.id));
    return { items: cohorts.map((c) => this.summaryOut(actor, c, counts.get(c.id))) };
  }

  async detail(actor: Actor, cohortId: string): Promise<CohortDetail> {
    const cohort = await this.readable(actor, cohortId);
    const now = this.clock.now();
    const rows = await this.reports.rows({ cohortId: cohort.id, organisationId: cohort.organisationId ?? undefined }, now, 0, 1000);
    const counts = await this.repository.cohortCounts([cohort.id]);
    const fallback = cohort.course.network.fallbackLanguages;
    return {
      ...this.summaryOut(actor, cohort, counts.get(cohort.id)),
      canEdit: this.canEdit(actor, cohort),
      memberProgress: rows.map((r) => ({ ...rowOut(r, actor.preferredLanguage, fallback, now), organisationName: r.organisationName })),
    };
  }

  private summaryOut(actor: Actor, c: StoredCohort, counts?: { members: number; completed: number }): CohortSummary {
    return {
      id: c.id,
      courseId: c.courseId,
      courseTitle: localisedText(c.course.titles, actor.preferredLanguage, c.course.network.fallbackLanguages),
      networkId: c.course.networkId,
      organisationId: c.organisationId,
      name: c.name,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      members: counts?.members ?? 0,
      completed: counts?.completed ?? 0,
    };
  }

  private canEdit(actor: Actor, cohort: StoredCohort): boolean {
    return cohort.organisationId
      ? this.access.holdsForOrganisation(actor, 'courses.assign', { id: cohort.organisationId, networkId: cohort.course.networkId })
      : this.access.holdsForNetwork(actor, 'courses.assign', cohort.course.networkId);
  }

  /**
   * A cohort is private to those who follow its progress (its organisation's leaders, the
   * network's coordinators): anyone else gets 404, as for an unknown id.
   */
  private async readable(actor: Actor, cohortId: string): Promise<StoredCohort> {
    const cohort = await this.repository.cohort(cohortId);
    const allowed =
      !!cohort &&
      (cohort.organisationId
        ? this.access.holdsForOrganisation(actor, 'courses.progress', { id: cohort.organisationId, networkId: cohort.course.networkId })
        : this.access.holdsForNetwork(actor, 'courses.progress', cohort.course.networkId));
    if (!allowed) throw notFound('cohort');
    return cohort;
  }

  private async editable(actor: Actor, cohortId: string): Promise<StoredCohort> {
    const cohort = await this.readable(actor, cohortId);
    if (!this.canEdit(actor, cohort)) throw new AppError('FORBIDDEN', 'Your role does not allow this for this cohort.');
    return cohort;
  }

  private membersChanged(actor: Actor, cohort: StoredCohort, ip: string, details: Record<string, unknown>) {
    return this.audit.record({
      action: 'course_cohort.members_changed',
      actorId: actor.userId,
      organisationId: cohort.organisationId,
      networkId: cohort.course.networkId,
      ip,
      details: { cohortId: cohort.id, ...details },
    });
  }
}
