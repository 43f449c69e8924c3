import { Injectable, Logger } from '@nestjs/common';
import type { QuizResult, SyncEvent, SyncEventResult, SyncRequest, SyncResponse } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { LearningClock } from './learning-clock.js';
import { LearningSyncRepository } from './learning-sync.repository.js';
import { LessonAccess } from './lesson-access.js';
import { LessonPlayerService } from './lesson-player.service.js';
import { LearningRepository } from './learning.repository.js';
import { QuizService } from './quiz.service.js';

interface StoredResult {
  details: Record<string, unknown> | null;
  quizResult: QuizResult | null;
  courseCompleted: boolean;
}

/**
 * Replays what a learner did offline, in the order the device recorded it, through the same
 * services as online (same locks, limits, waiting times, completion and certificates):
 * - each event is claimed by its device-made id first, so a replay answers DUPLICATE with
 *   the first outcome and changes nothing;
 * - lesson completion merges (done anywhere is done), positions take the latest;
 * - what the server cannot count (attempt limit reached, waiting time, enrolment withdrawn,
 *   lesson still locked…) is KEPT with the error code as reason, never dropped silently.
 * One event failing never stops the ones after it.
 */
@Injectable()
export class LearningSyncService {
  private readonly logger = new Logger('LearningSync');

  constructor(
    private readonly repository: LearningRepository,
    private readonly events: LearningSyncRepository,
    private readonly access: LessonAccess,
    private readonly player: LessonPlayerService,
    private readonly quizzes: QuizService,
    private readonly clock: LearningClock,
  ) {}

  async sync(actor: Actor, request: SyncRequest): Promise<SyncResponse> {
    const results: SyncEventResult[] = [];
    for (const event of request.events) results.push(await this.replay(actor, event));
    return { results };
  }

  private async replay(actor: Actor, event: SyncEvent): Promise<SyncEventResult> {
    if (!(await this.events.claim(actor.userId, event))) {
      const first = await this.events.find(actor.userId, event.eventId);
      const stored = (first?.result ?? null) as StoredResult | null;
      return {
        eventId: event.eventId,
        outcome: 'DUPLICATE',
        firstOutcome: (first?.outcome ?? 'PENDING') as SyncEventResult['firstOutcome'],
        reason: first?.reason ?? null,
        details: stored?.details ?? null,
        quizResult: stored?.quizResult ?? null,
        courseCompleted: stored?.courseCompleted ?? false,
      };
    }
    try {
      const applied = await this.apply(actor, event);
      const stored: StoredResult = { details: null, ...applied };
      await this.events.finish(actor.userId, event.eventId, 'APPLIED', null, stored as object);
      return { eventId: event.eventId, outcome: 'APPLIED', firstOutcome: 'APPLIED', reason: null, ...stored };
    } catch (error) {
      if (!(error instanceof AppError)) {
        await this.events.release(actor.userId, event.eventId);
        throw error;
      }
      const stored: StoredResult = { details: error.details ?? null, quizResult: null, courseCompleted: false };
      await this.events.finish(actor.userId, event.eventId, 'KEPT', error.code, stored as object);
      this.logger.log({ userId: actor.userId, eventId: event.eventId, reason: error.code }, 'Offline event kept');
      return { eventId: event.eventId, outcome: 'KEPT', firstOutcome: 'KEPT', reason: error.code, ...stored };
    }
  }

  private async apply(actor: Actor, event: SyncEvent): Promise<Omit<StoredResult, 'details'>> {
    switch (event.type) {
      case 'lessonCompleted': {
        const result = await this.player.record(actor, event.enrolmentId, event.lessonId, { event: 'completed' });
        return { quizResult: null, courseCompleted: result.courseCompleted };
      }
      case 'position': {
        const { enrolment, lesson } = await this.access.requireOpenLesson(actor, event.enrolmentId, event.lessonId);
        const at = new Date(Math.min(new Date(event.occurredAt).getTime(), this.clock.now().getTime()));
        await this.repository.recordPositionAt(enrolment.id, lesson.id, event.positionSeconds, at);
        return { quizResult: null, courseCompleted: false };
      }
      case 'quizAttemptSubmitted': {
        const quizResult = await this.quizzes.submitOffline(actor, event.enrolmentId, event.lessonId, event);
        return { quizResult, courseCompleted: quizResult.courseCompleted };
      }
    }
  }
}
