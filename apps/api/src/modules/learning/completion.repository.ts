import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/** A certificate a completion earns: the type, and the cycle when it renews one held. */
export interface CertificateJob {
  certificateTypeId: string;
  cycle?: number;
}

/**
 * What CompletionService reads, always on the transaction that completed the course (so it
 * sees the completion and its jobs commit with it).
 */
@Injectable()
export class CompletionRepository {
  /** The enrolment with what the congratulation message needs: the learner and the course. */
  completedEnrolment(tx: Tx, enrolmentId: string) {
    return tx.courseEnrolment.findUniqueOrThrow({
      where: { id: enrolmentId },
      include: {
        user: { select: { email: true, name: true, preferredLanguage: true } },
        course: { select: { id: true, titles: true, networkId: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
  }

  /**
   * Certificate types of the course's network whose rule this completion fulfils:
   * - earning: every course the rule names (or every course of its learning path) completed;
   * - renewal: this is the rule's refresher course and the learner holds a certificate of the
   *   type that expires (or has expired): the next cycle is issued, named in the job so a
   *   retry finds the same cycle already issued.
   * The rules are the certificates module's (certificate-rules.ts writes them); they are read
   * here, in the completing transaction, because the jobs they cause must commit with it.
   */
  async certificatesEarned(tx: Tx, userId: string, courseId: string, networkId: string): Promise<CertificateJob[]> {
    const rules = await tx.$queryRaw<{ certificateTypeId: string; courseIds: string[]; learningPathId: string | null; renewalCourseId: string | null }[]>`
      SELECT r."certificateTypeId", r."courseIds", r."learningPathId", r."renewalCourseId"
        FROM "CertificateTypeRule" r JOIN "CertificateType" t ON t."id" = r."certificateTypeId"
       WHERE t."networkId" = ${networkId}::uuid
         AND (${courseId}::uuid = ANY(r."courseIds") OR r."renewalCourseId" = ${courseId}::uuid
              OR EXISTS (SELECT 1 FROM "LearningPathCourse" pc WHERE pc."pathId" = r."learningPathId" AND pc."courseId" = ${courseId}::uuid))`;
    if (rules.length === 0) return [];
    const completed = new Set(
      (await tx.courseEnrolment.findMany({ where: { userId, status: 'COMPLETED' }, select: { courseId: true } })).map((e) => e.courseId),
    );
    const jobs: CertificateJob[] = [];
    for (const rule of rules) {
      if (rule.renewalCourseId === courseId) {
        const held = await tx.certificate.findFirst({
          where: { holderUserId: userId, certificateTypeId: rule.certificateTypeId, revokedAt: null },
          orderBy: { cycle: 'desc' },
        });
        if (held?.expiresAt) {
          const last = await tx.certificate.aggregate({
            where: { holderUserId: userId, certificateTypeId: rule.certificateTypeId },
            _max: { cycle: true },
          });
          jobs.push({ certificateTypeId: rule.certificateTypeId, cycle: (last._max.cycle ?? 0) + 1 });
          continue;
        }
      }
      const required = [...rule.courseIds];
      if (rule.learningPathId) {
        const path = await tx.learningPathCourse.findMany({ where: { pathId: rule.learningPathId }, select: { courseId: true } });
        required.push(...path.map((p) => p.courseId));
      }
      const earnsByCourse = rule.courseIds.length > 0 && rule.courseIds.every((id) => completed.has(id));
      const earnsByPath = !!rule.learningPathId && required.length > rule.courseIds.length && required.slice(rule.courseIds.length).every((id) => completed.has(id));
      if (earnsByCourse || earnsByPath) jobs.push({ certificateTypeId: rule.certificateTypeId });
    }
    return jobs;
  }
}
