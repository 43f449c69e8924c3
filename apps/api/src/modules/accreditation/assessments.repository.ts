import { Injectable } from '@nestjs/common';
import type { AccreditationAssessmentStatus, AccreditationRating } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { frameworkTree } from './frameworks.repository.js';
import { COORDINATOR_ROLES, LEADER_ROLES } from '../../common/auth/roles.js';

export const assessmentDetail = {
  organisation: { select: { id: true, name: true, country: true, networkId: true } },
  framework: { include: frameworkTree },
  answers: true,
  events: { orderBy: { at: 'asc' }, include: { actor: { select: { name: true } } } },
} as const satisfies Prisma.AccreditationAssessmentInclude;

export type StoredAssessment = Prisma.AccreditationAssessmentGetPayload<{ include: typeof assessmentDetail }>;

const summary = {
  organisation: { select: { id: true, name: true, country: true, networkId: true } },
  framework: { select: { titles: true } },
} as const satisfies Prisma.AccreditationAssessmentInclude;

export type StoredAssessmentSummary = Prisma.AccreditationAssessmentGetPayload<{ include: typeof summary }>;

/** Statuses in which an assessment is still going: one per organisation and framework. */
export const OPEN_STATUSES: AccreditationAssessmentStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'];

@Injectable()
export class AssessmentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<StoredAssessment | null> {
    return this.prisma.accreditationAssessment.findUnique({ where: { id }, include: assessmentDetail });
  }

  listForOrganisation(organisationId: string) {
    return this.prisma.accreditationAssessment.findMany({
      where: { organisationId },
      include: summary,
      orderBy: { createdAt: 'desc' },
    });
  }

  listForNetwork(networkId: string, status?: AccreditationAssessmentStatus) {
    return this.prisma.accreditationAssessment.findMany({
      where: { organisation: { networkId }, ...(status ? { status } : {}) },
      include: summary,
      orderBy: [{ submittedAt: 'asc' }, { updatedAt: 'desc' }],
      take: 500,
    });
  }

  /**
   * Starts an assessment with one empty answer per criterion. The check for a running one and
   * the insert share a transaction holding the organisation row, so two leaders clicking at
   * once get one assessment.
   */
  start(organisationId: string, frameworkId: string, criterionIds: string[], createdById: string) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
      const running = await tx.accreditationAssessment.findFirst({
        where: { organisationId, frameworkId, status: { in: OPEN_STATUSES } },
        select: { id: true },
      });
      if (running) return { created: false as const, id: running.id };
      const assessment = await tx.accreditationAssessment.create({
        data: {
          organisationId,
          frameworkId,
          createdById,
          answers: { create: criterionIds.map((criterionId) => ({ criterionId, evidenceMaterialIds: [] })) },
        },
      });
      return { created: true as const, id: assessment.id };
    });
  }

  /**
   * Applies `change` only if the assessment is still at `revision` and in one of `statuses`;
   * bumps the revision. Returns false when someone else changed it first.
   */
  async guardedUpdate(
    id: string,
    revision: number,
    statuses: AccreditationAssessmentStatus[],
    change: (tx: Prisma.TransactionClient) => Promise<unknown>,
    data: Prisma.AccreditationAssessmentUpdateManyMutationInput = {},
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const bumped = await tx.accreditationAssessment.updateMany({
        where: { id, revision, status: { in: statuses } },
        data: { ...data, revision: { increment: 1 } },
      });
      if (bumped.count === 0) return false;
      await change(tx);
      return true;
    });
  }

  updateAnswer(tx: Prisma.TransactionClient, assessmentId: string, criterionId: string, data: { statement: string; evidenceMaterialIds: string[] }) {
    return tx.accreditationAnswer.update({ where: { assessmentId_criterionId: { assessmentId, criterionId } }, data });
  }

  updateReview(tx: Prisma.TransactionClient, assessmentId: string, criterionId: string, data: { rating: AccreditationRating; reviewComment: string }) {
    return tx.accreditationAnswer.update({ where: { assessmentId_criterionId: { assessmentId, criterionId } }, data });
  }

  addEvent(tx: Prisma.TransactionClient, data: { assessmentId: string; action: string; actorId: string; comment: string; snapshot: object }) {
    return tx.accreditationEvent.create({ data });
  }

  setAccreditedUntil(tx: Prisma.TransactionClient, organisationId: string, validUntil: Date) {
    return tx.organisation.update({ where: { id: organisationId }, data: { accreditedUntil: validUntil } });
  }

  async accreditedUntil(organisationId: string) {
    const organisation = await this.prisma.organisation.findUnique({ where: { id: organisationId }, select: { accreditedUntil: true } });
    return organisation?.accreditedUntil ?? null;
  }

  leaders(organisationId: string, db: Prisma.TransactionClient = this.prisma) {
    return db.user.findMany({
      where: { disabledAt: null, memberships: { some: { organisationId, role: { in: LEADER_ROLES } } } },
      select: { id: true, name: true, email: true, preferredLanguage: true },
    });
  }

  coordinators(networkId: string, db: Prisma.TransactionClient = this.prisma) {
    return db.user.findMany({
      where: { disabledAt: null, networkRoles: { some: { networkId, role: { in: COORDINATOR_ROLES } } } },
      select: { id: true, name: true, email: true, preferredLanguage: true },
    });
  }
}
