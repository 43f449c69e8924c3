import { Injectable, Module } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { enrolLearner, type EnrolmentRequest } from './enrolment-writer.js';

/**
 * The learning module's exported way to enrol someone, for course-progress (assignments and
 * cohorts). It lives in a module of its own because learning in turn asks course-progress to
 * drop reminders when an enrolment completes: one module each way, no cycle.
 */
@Injectable()
export class EnrolmentWriter {
  /** Writes or revives the enrolment in the caller's transaction (see `enrolLearner`). */
  enrol(tx: Prisma.TransactionClient, request: EnrolmentRequest) {
    return enrolLearner(tx, request);
  }
}

@Module({ providers: [EnrolmentWriter], exports: [EnrolmentWriter] })
export class LearningEnrolmentsModule {}
