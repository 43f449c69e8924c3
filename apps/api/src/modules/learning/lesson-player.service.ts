import { Injectable } from '@nestjs/common';
import type { LessonView, ProgressEvent, ProgressResult, QuizMeta } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import type { CourseLesson, QuizAttempt } from '../../generated/prisma/client.js';
import { CompletionService } from './completion.service.js';
import { percentOf } from './learner-view.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { LessonAccess } from './lesson-access.js';
import { letsLearnerOn } from './lesson-sequence.js';
import { renderedIn } from './version-content.js';
import { pickLocalisedText } from '../../common/i18n/localised-text.js';
import { completeIfRulesHold, completeLesson, lockEnrolment, recordVisit } from './progress-writer.js';

/** Quiz figures for a lesson, from its attempts so far. */
export function quizMeta(lesson: CourseLesson, attempts: QuizAttempt[], poolSize: number, now: Date): QuizMeta {
  const submitted = attempts.filter((a) => a.submittedAt);
  const passed = attempts.some((a) => a.passed);
  const open = attempts.find((a) => !a.submittedAt) ?? null;
  const last = submitted[submitted.length - 1] ?? null;
  const waitUntil = last && lesson.quizRetryWaitMinutes > 0 ? new Date(last.submittedAt!.getTime() + lesson.quizRetryWaitMinutes * 60_000) : null;
  const scores = submitted.map((a) => a.scorePercent ?? 0);
  return {
    passPercent: lesson.quizPassPercent,
    questionCount: Math.min(lesson.quizQuestionCount ?? poolSize, poolSize),
    attemptLimit: lesson.quizAttemptLimit,
    attemptsUsed: attempts.length,
    attemptsLeft: lesson.quizAttemptLimit === null ? null : Math.max(0, lesson.quizAttemptLimit - attempts.length),
    retryWaitMinutes: lesson.quizRetryWaitMinutes,
    nextAttemptAt: !passed && !open && waitUntil && waitUntil > now ? waitUntil.toISOString() : null,
    passed,
    bestScorePercent: scores.length ? Math.max(...scores) : null,
    openAttemptId: open?.id ?? null,
    lastAttemptId: last?.id ?? null,
  };
}

/** Opening a lesson and saving progress through it. */
@Injectable()
export class LessonPlayerService {
  constructor(
    private readonly repository: LearningRepository,
    private readonly access: LessonAccess,
    private readonly completion: CompletionService,
    private readonly clock: LearningClock,
  ) {}

  async get(actor: Actor, enrolmentId: string, lessonId: string): Promise<LessonView> {
    const { enrolment, lesson, lessons, index, facts, content } = await this.access.requireOpenLesson(actor, enrolmentId, lessonId);
    const fallbacks = enrolment.course.network.fallbackLanguages;
    const pick = (texts: unknown) => pickLocalisedText(texts, actor.preferredLanguage, fallbacks);
    const title = pick(lesson.titles);
    const progress = facts.progress.get(lesson.id);
    const [attempts, poolSize, signOffs] = await Promise.all([
      lesson.hasQuiz ? this.repository.attempts(enrolment.id, lesson.id) : [],
      lesson.hasQuiz ? this.repository.quizPoolSize(enrolment.versionId, lesson.quizPool || null) : 0,
      lesson.requiresPractical ? this.repository.signOffs(enrolment.id, lesson.id) : [],
    ]);
    const history = signOffs.map((s) => ({
      id: s.id,
      result: s.result,
      comment: s.comment,
      assessorName: s.assessor?.name ?? null,
      recordedAt: s.recordedAt.toISOString(),
    }));
    return {
      id: lesson.id,
      enrolmentId: enrolment.id,
      courseId: enrolment.courseId,
      courseTitle: pick(enrolment.course.titles).text,
      moduleTitle: pick(lessons[index]!.moduleTitles).text,
      title: title.text,
      language: title.language,
      bodyHtml: renderedIn(content, pick(lesson.bodies).text),
      materialId: lesson.materialId,
      estimatedMinutes: lesson.estimatedMinutes,
      quiz: lesson.hasQuiz ? quizMeta(lesson, attempts, poolSize, this.clock.now()) : null,
      practical: lesson.requiresPractical
        ? {
            instructionsHtml: renderedIn(content, pick(lesson.practicalInstructions).text),
            status: history.some((h) => h.result === 'PASSED') ? 'PASSED' : history[0] ? 'NOT_YET' : 'WAITING',
            history,
          }
        : null,
      status: progress?.status ?? 'NOT_STARTED',
      positionSeconds: progress?.positionSeconds ?? 0,
      previousLessonId: lessons[index - 1]?.id ?? null,
      nextLessonId: lessons[index + 1]?.id ?? null,
      nextUnlocked: letsLearnerOn(lessons[index]!, facts),
      enrolmentStatus: enrolment.status,
      progressPercent: enrolment.status === 'COMPLETED' ? 100 : percentOf(enrolment.completedLessons, enrolment.totalLessons),
    };
  }

  /**
   * started / position / completed. Idempotent and monotonic: the same event twice changes
   * nothing the second time. A quiz lesson completes by passing its quiz, a practical lesson
   * by an assessor's sign-off — never by this call.
   */
  async record(actor: Actor, enrolmentId: string, lessonId: string, event: ProgressEvent): Promise<ProgressResult> {
    const { enrolment, lesson, facts } = await this.access.requireOpenLesson(actor, enrolmentId, lessonId);
    if (event.event === 'completed' && facts.progress.get(lesson.id)?.status !== 'COMPLETED') {
      if (lesson.hasQuiz && !facts.quizzesPassed.has(lesson.id)) {
        throw new AppError('LESSON_NEEDS_QUIZ_PASS', 'This lesson is completed by passing its quiz.');
      }
      if (lesson.requiresPractical) {
        throw new AppError('LESSON_NEEDS_SIGN_OFF', 'This lesson is completed when an assessor signs off the practical task.');
      }
    }
    if (event.event !== 'completed') {
      const progress = await this.repository.recordPosition(enrolment, lesson.id, event.positionSeconds, facts.progress.get(lesson.id));
      return progressResult(progress, enrolment);
    }
    const now = this.clock.now();
    const { progress, after } = await this.repository.transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      let progress = await recordVisit(tx, enrolment.id, lesson.id, event.positionSeconds);
      if (event.event === 'completed' && (await completeLesson(tx, enrolment.id, lesson.id, now))) {
        progress = await this.repository.progressIn(tx, enrolment.id, lesson.id);
        const justCompleted = await completeIfRulesHold(tx, enrolment.id, now);
        if (justCompleted) await this.completion.afterCompletion(enrolment.id, tx);
      }
      return { progress, after: await this.repository.enrolmentIn(tx, enrolment.id) };
    });
    return progressResult(progress, after);
  }
}

function progressResult(
  progress: { status: ProgressResult['lessonStatus']; positionSeconds: number },
  enrolment: { completedLessons: number; totalLessons: number; status: ProgressResult['enrolmentStatus'] },
): ProgressResult {
  return {
    lessonStatus: progress.status,
    positionSeconds: progress.positionSeconds,
    completedLessons: enrolment.completedLessons,
    totalLessons: enrolment.totalLessons,
    progressPercent: enrolment.status === 'COMPLETED' ? 100 : percentOf(enrolment.completedLessons, enrolment.totalLessons),
    enrolmentStatus: enrolment.status,
    courseCompleted: enrolment.status === 'COMPLETED',
  };
}
