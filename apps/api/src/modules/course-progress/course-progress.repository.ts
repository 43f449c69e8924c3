import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { likeContains } from '../../common/text/search-query.js';

type Tx = Prisma.TransactionClient;

/** Prisma calls for assignments and cohorts (reports have their own SQL repository). */
@Injectable()
export class CourseProgressRepository {
  constructor(readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  organisation(id: string) {
    return this.prisma.organisation.findUnique({
      where: { id },
      select: { id: true, name: true, country: true, networkId: true, network: { select: { fallbackLanguages: true } } },
    });
  }

  async networkFallback(networkId: string): Promise<string[]> {
    const network = await this.prisma.network.findUnique({ where: { id: networkId }, select: { fallbackLanguages: true } });
    return network?.fallbackLanguages ?? [];
  }

  /** A course as the organisation may see it: a network course of its network, or its own. */
  courseVisibleTo(courseId: string, organisation: { id: string; networkId: string }) {
    return this.prisma.course.findFirst({
      where: {
        id: courseId,
        networkId: organisation.networkId,
        OR: [{ organisationId: null }, { organisationId: organisation.id }],
      },
      select: { id: true, networkId: true, organisationId: true, status: true, titles: true },
    });
  }

  course(courseId: string) {
    return this.prisma.course.findUnique({
      where: { id: courseId },
      select: { id: true, networkId: true, organisationId: true, status: true, titles: true },
    });
  }

  /** A learning path the organisation may see, with its courses in order. */
  pathVisibleTo(pathId: string, organisation: { id: string; networkId: string }) {
    return this.prisma.learningPath.findFirst({
      where: { id: pathId, networkId: organisation.networkId, OR: [{ organisationId: null }, { organisationId: organisation.id }] },
      select: { id: true, networkId: true, organisationId: true, status: true, courses: { orderBy: { position: 'asc' }, select: { courseId: true } } },
    });
  }

  /** Which of these people are members of the organisation now. */
  async membersAmong(organisationId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.prisma.organisationMembership.findMany({
      where: { organisationId, userId: { in: userIds } },
      select: { userId: true },
    });
    return new Set(rows.map((r) => r.userId));
  }

  /** Each person's organisation within the network (the first one they joined). */
  async membershipsInNetwork(networkId: string, userIds: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.organisationMembership.findMany({
      where: { userId: { in: userIds }, organisation: { networkId } },
      orderBy: { createdAt: 'asc' },
      select: { userId: true, organisationId: true },
    });
    const byUser = new Map<string, string>();
    for (const row of rows) if (!byUser.has(row.userId)) byUser.set(row.userId, row.organisationId);
    return byUser;
  }

  enrolmentsOf(courseIds: string[], userIds: string[]) {
    return this.prisma.courseEnrolment.findMany({
      where: { courseId: { in: courseIds }, userId: { in: userIds } },
      select: { id: true, courseId: true, userId: true, status: true, dueAt: true, assignedById: true, cohortId: true },
    });
  }

  enrolment(id: string) {
    return this.prisma.courseEnrolment.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        courseId: true,
        organisationId: true,
        status: true,
        source: true,
        dueAt: true,
        assignedById: true,
        cohortId: true,
        organisation: { select: { id: true, networkId: true } },
      },
    });
  }

  /** Withdraws an assigned enrolment, or only takes the assignment off one the learner chose. */
  withdrawAssignment(enrolmentId: string, withdraw: boolean, db: Tx = this.prisma) {
    return db.courseEnrolment.update({
      where: { id: enrolmentId },
      data: withdraw ? { status: 'WITHDRAWN', dueAt: null, cohortId: null } : { assignedById: null, dueAt: null },
    });
  }

  enrolmentForMail(id: string, db: Tx = this.prisma) {
    return db.courseEnrolment.findUnique({
      where: { id },
      select: {
        id: true,
        courseId: true,
        status: true,
        dueAt: true,
        user: { select: { id: true, name: true, email: true, preferredLanguage: true, timeZone: true } },
        course: { select: { titles: true, networkId: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
  }

  /** Published courses and paths an organisation may assign, and its members, for the assign dialog. */
  async assignable(organisation: { id: string; networkId: string }, q?: string) {
    const visible = { networkId: organisation.networkId, OR: [{ organisationId: null }, { organisationId: organisation.id }] };
    const [courses, paths, members] = await Promise.all([
      // Titles in every language, folded like the library's search, so "secour" finds "Secourisme".
      this.prisma.$queryRaw<{ id: string; titles: unknown; organisationId: string | null }[]>`
        SELECT id, titles, "organisationId" FROM "Course"
        WHERE "networkId" = ${organisation.networkId}::uuid AND status = 'PUBLISHED'
          AND ("organisationId" IS NULL OR "organisationId" = ${organisation.id}::uuid)
          AND (${q ?? ''} = '' OR tadamon_fold(titles::text) LIKE tadamon_fold(${likeContains(q ?? '')}))
        ORDER BY "updatedAt" DESC, id LIMIT 200`,
      this.prisma.learningPath.findMany({
        where: { ...visible, status: 'PUBLISHED' },
        orderBy: { createdAt: 'asc' },
        take: 100,
        select: { id: true, titles: true, courses: { orderBy: { position: 'asc' }, select: { courseId: true } } },
      }),
      this.prisma.organisationMembership.findMany({
        where: { organisationId: organisation.id },
        orderBy: { user: { name: 'asc' } },
        select: { userId: true, user: { select: { name: true } } },
      }),
    ]);
    return { courses, paths, members };
  }

  // ─── Cohorts ───────────────────────────────────────────────────────────────────────────────

  cohort(id: string) {
    return this.prisma.courseCohort.findUnique({
      where: { id },
      select: {
        id: true,
        courseId: true,
        organisationId: true,
        name: true,
        startsAt: true,
        endsAt: true,
        course: { select: { networkId: true, titles: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
  }

  cohorts(where: Prisma.CourseCohortWhereInput) {
    return this.prisma.courseCohort.findMany({
      where,
      orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
      take: 200,
      select: {
        id: true,
        courseId: true,
        organisationId: true,
        name: true,
        startsAt: true,
        endsAt: true,
        course: { select: { networkId: true, titles: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
  }

  /** Members and completions per cohort, withdrawn enrolments left out. */
  async cohortCounts(cohortIds: string[]): Promise<Map<string, { members: number; completed: number }>> {
    const rows = await this.prisma.courseEnrolment.groupBy({
      by: ['cohortId', 'status'],
      where: { cohortId: { in: cohortIds }, status: { not: 'WITHDRAWN' } },
      _count: { _all: true },
    });
    const counts = new Map<string, { members: number; completed: number }>();
    for (const row of rows) {
      const entry = counts.get(row.cohortId!) ?? { members: 0, completed: 0 };
      entry.members += row._count._all;
      if (row.status === 'COMPLETED') entry.completed += row._count._all;
      counts.set(row.cohortId!, entry);
    }
    return counts;
  }

  createCohort(data: { courseId: string; organisationId: string | null; name: string; startsAt: Date; endsAt: Date; createdById: string }) {
    return this.prisma.courseCohort.create({ data, select: { id: true } });
  }

  /**
   * Name and dates in one transaction; with `moveDueDates` the end becomes every active
   * member's due date. Returns those members with their previous due date (to move reminders).
   */
  /** `after` runs in the same transaction with the members whose due date moved (their reminders move with it). */
  updateCohort(
    cohortId: string,
    data: { name?: string; startsAt: Date; endsAt: Date },
    moveDueDates: boolean,
    after: (tx: Tx, moved: { id: string; dueAt: Date | null }[]) => Promise<void>,
  ) {
    return this.transaction(async (tx) => {
      await tx.courseCohort.update({ where: { id: cohortId }, data });
      if (!moveDueDates) return;
      const members = await tx.courseEnrolment.findMany({ where: { cohortId, status: 'ACTIVE' }, select: { id: true, dueAt: true } });
      await tx.courseEnrolment.updateMany({ where: { cohortId, status: 'ACTIVE' }, data: { dueAt: data.endsAt } });
      await after(tx, members);
    });
  }

  /** Out of the cohort: withdrawn when the cohort was why they were enrolled, else only detached. */
  leaveCohort(enrolmentId: string, withdraw: boolean, db: Tx = this.prisma) {
    return db.courseEnrolment.update({
      where: { id: enrolmentId },
      data: withdraw ? { status: 'WITHDRAWN', cohortId: null, dueAt: null } : { cohortId: null, dueAt: null },
    });
  }
}
