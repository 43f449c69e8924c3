import { Injectable } from '@nestjs/common';
import type { QuizAttemptView, QuizResult, QuizSubmission } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { QuizAttempt, QuizQuestion } from '../../generated/prisma/client.js';
import { CompletionService } from './completion.service.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository, type OwnEnrolment } from './learning.repository.js';
import { LessonAccess } from './lesson-access.js';
import { quizMeta } from './lesson-player.service.js';
import { localisedList, localisedText } from '../../common/i18n/localised-text.js';
import { completeIfRulesHold, completeLesson, lockEnrolment } from './progress-writer.js';
import { drawAttempt, gradeAttempt, type GivenAnswer, type GradableQuestion, type StoredOption } from './quiz-grading.js';

interface StoredAnswers {
  given: Record<string, GivenAnswer>;
  correct: Record<string, boolean>;
}

const gradable = (q: QuizQuestion): GradableQuestion => ({
  id: q.id,
  type: q.type,
  options: q.options as unknown as StoredOption[],
  acceptedAnswers: q.acceptedAnswers as Record<string, string[]>,
  points: q.points,
});

/**
 * Quiz attempts, graded on the server only. Starting draws the questions and option order and
 * stores them; the browser gets prompts and options without correctness, feedback or accepted
 * answers. Submitting grades once: a replayed submission answers the stored result.
 */
@Injectable()
export class QuizService {
  constructor(
    private readonly repository: LearningRepository,
    private readonly access: LessonAccess,
    private readonly completion: CompletionService,
    private readonly clock: LearningClock,
  ) {}

  async start(actor: Actor, enrolmentId: string, lessonId: string): Promise<QuizAttemptView> {
    const { enrolment, lesson } = await this.access.requireOpenLesson(actor, enrolmentId, lessonId);
    if (!lesson.hasQuiz) throw notFound('quiz');
    refuseIfArchived(enrolment);
    const pool = await this.repository.questions(enrolment.versionId, lesson.quizPool || null);
    const now = this.clock.now();
    const attempt = await this.repository.transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      const attempts = await this.repository.attemptsIn(tx, enrolment.id, lessonId);
      // A second click on "Start" resumes the attempt already drawn instead of using another.
      const open = attempts.find((a) => !a.submittedAt);
      if (open) return open;
      const meta = quizMeta(lesson, attempts, pool.length, now);
      if (meta.passed) throw new AppError('QUIZ_ALREADY_PASSED', 'You have already passed this quiz.');
      if (meta.attemptsLeft === 0) {
        throw new AppError('QUIZ_ATTEMPTS_EXHAUSTED', 'No attempts left for this quiz.', { attemptLimit: lesson.quizAttemptLimit });
      }
      if (meta.nextAttemptAt) {
        const seconds = Math.ceil((new Date(meta.nextAttemptAt).getTime() - now.getTime()) / 1000);
        throw new AppError('QUIZ_RETRY_WAIT', 'You can try again a little later.', { retryAt: meta.nextAttemptAt }, { 'retry-after': String(seconds) });
      }
      const draw = drawAttempt(pool.map(gradable), lesson.quizQuestionCount);
      return this.repository.createAttempt(tx, { enrolmentId: enrolment.id, lessonId, number: attempts.length + 1, startedAt: now, ...draw });
    });
    return this.attemptView(actor, enrolment, attempt);
  }

  /** An attempt's questions again (a reload mid-quiz), still without answers. */
  async attempt(actor: Actor, enrolmentId: string, attemptId: string): Promise<QuizAttemptView> {
    const enrolment = await this.access.requireOwnEnrolment(actor, enrolmentId);
    const attempt = await this.repository.ownAttempt(enrolmentId, attemptId);
    if (!attempt) throw notFound('attempt');
    return this.attemptView(actor, enrolment, attempt);
  }

  async result(actor: Actor, enrolmentId: string, attemptId: string): Promise<QuizResult> {
    const enrolment = await this.access.requireOwnEnrolment(actor, enrolmentId);
    const attempt = await this.repository.ownAttempt(enrolmentId, attemptId);
    if (!attempt?.submittedAt) throw notFound('result');
    return this.resultView(actor, enrolment, attempt, false);
  }

  async submit(actor: Actor, enrolmentId: string, attemptId: string, submission: QuizSubmission): Promise<QuizResult> {
    const enrolment = await this.access.requireOwnEnrolment(actor, enrolmentId);
    const found = await this.repository.ownAttempt(enrolmentId, attemptId);
    if (!found) throw notFound('attempt');
    // A replay (a retry after a dropped answer, a double click) gets the stored result.
    if (found.submittedAt) return this.resultView(actor, enrolment, found, false);
    this.access.assertCanLearn(enrolment);
    // Started before the course was archived, submitted after: it does not count either.
    refuseIfArchived(enrolment);
    const questions = await this.repository.questionsByIds(found.questionIds);
    const given = validAnswers(submission, found, questions);
    const lesson = (await this.repository.lesson(enrolment.versionId, found.lessonId))!;
    const now = this.clock.now();
    const { attempt, justCompleted } = await this.repository.transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      const current = await this.repository.attemptIn(tx, found.id);
      if (current.submittedAt) return { attempt: current, justCompleted: false };
      const grade = gradeAttempt(questions.map(gradable), given, lesson.quizPassPercent);
      const answers: StoredAnswers = { given: Object.fromEntries(given), correct: grade.correct };
      const attempt = await this.repository.updateAttempt(tx, found.id, {
        submittedAt: now,
        answers: answers as object,
        scorePercent: grade.scorePercent,
        passed: grade.passed,
      });
      if (!grade.passed) return { attempt, justCompleted: false };
      await completeLesson(tx, enrolment.id, lesson.id, now);
      const justCompleted = await completeIfRulesHold(tx, enrolment.id, now);
      if (justCompleted) await this.completion.afterCompletion(enrolment.id, tx);
      return { attempt, justCompleted };
    });
    return this.resultView(actor, enrolment, attempt, justCompleted);
  }

  /**
   * An attempt taken offline on questions the device drew from the saved pool, counted now
   * under the same rules as online: no attempt after a pass, none beyond the limit, none
   * inside the waiting time after the previous one (measured at the moment the learner
   * submitted, clamped to the server's clock). Started, submitted and graded in one
   * transaction; an AppError here is what the learner is shown beside the kept attempt.
   */
  async submitOffline(actor: Actor, enrolmentId: string, lessonId: string, offline: OfflineAttempt): Promise<QuizResult> {
    const { enrolment, lesson } = await this.access.requireOpenLesson(actor, enrolmentId, lessonId);
    if (!lesson.hasQuiz) throw notFound('quiz');
    // Archived while the attempt waited on the device: kept with this reason for the learner.
    refuseIfArchived(enrolment);
    const pool = await this.repository.questions(enrolment.versionId, lesson.quizPool || null);
    const drawn = validOfflineDraw(offline, pool, lesson.quizQuestionCount);
    const questions = pool.filter((q) => drawn.questionIds.includes(q.id));
    const now = this.clock.now();
    const at = new Date(Math.min(new Date(offline.occurredAt).getTime(), now.getTime()));
    const startedAt = new Date(Math.min(new Date(offline.startedAt).getTime(), at.getTime()));
    const { attempt, justCompleted } = await this.repository.transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      const attempts = await this.repository.attemptsIn(tx, enrolment.id, lessonId);
      if (attempts.some((a) => a.passed)) throw new AppError('QUIZ_ALREADY_PASSED', 'You had already passed this quiz.');
      if (lesson.quizAttemptLimit !== null && attempts.length >= lesson.quizAttemptLimit) {
        throw new AppError('QUIZ_ATTEMPTS_EXHAUSTED', 'No attempts were left for this quiz.', { attemptLimit: lesson.quizAttemptLimit });
      }
      const waitMs = lesson.quizRetryWaitMinutes * 60_000;
      const tooSoon = attempts.find((a) => a.submittedAt && a.submittedAt <= at && a.submittedAt.getTime() + waitMs > at.getTime());
      if (waitMs > 0 && tooSoon) {
        throw new AppError('QUIZ_RETRY_WAIT', 'This attempt came before the waiting time was over.', {
          retryAt: new Date(tooSoon.submittedAt!.getTime() + waitMs).toISOString(),
        });
      }
      const given = validAnswers({ answers: offline.answers }, { questionIds: drawn.questionIds }, questions);
      const grade = gradeAttempt(questions.map(gradable), given, lesson.quizPassPercent);
      const answers: StoredAnswers = { given: Object.fromEntries(given), correct: grade.correct };
      const attempt = await this.repository.createAttempt(tx, {
        enrolmentId: enrolment.id,
        lessonId,
        number: attempts.length + 1,
        questionIds: drawn.questionIds,
        optionOrders: drawn.optionOrders,
        startedAt,
        submittedAt: at,
        answers: answers as object,
        scorePercent: grade.scorePercent,
        passed: grade.passed,
      });
      if (!grade.passed) return { attempt, justCompleted: false };
      await completeLesson(tx, enrolment.id, lesson.id, at);
      const completed = await completeIfRulesHold(tx, enrolment.id, at);
      // Its mail and certificates are queued in the outbox with the completion itself.
      if (completed) await this.completion.afterCompletion(enrolment.id, tx);
      return { attempt, justCompleted: completed };
    });
    return this.resultView(actor, enrolment, attempt, justCompleted);
  }

  private async attemptView(actor: Actor, enrolment: OwnEnrolment, attempt: QuizAttempt): Promise<QuizAttemptView> {
    const pick = (texts: unknown) => localisedText(texts, actor.preferredLanguage, enrolment.course.network.fallbackLanguages);
    const questions = new Map((await this.repository.questionsByIds(attempt.questionIds)).map((q) => [q.id, q]));
    const orders = attempt.optionOrders as Record<string, string[]>;
    return {
      id: attempt.id,
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      questions: attempt.questionIds.map((id) => {
        const question = questions.get(id)!;
        const options = new Map((question.options as unknown as StoredOption[]).map((o) => [o.id, o]));
        // Only ids and texts leave the server: no `correct`, no feedback, no accepted answers.
        return {
          id,
          type: question.type,
          prompt: pick(question.prompts),
          options: (orders[id] ?? []).map((optionId) => ({ id: optionId, text: pick(options.get(optionId)?.texts) })),
          points: question.points,
        };
      }),
    };
  }

  private async resultView(actor: Actor, enrolment: OwnEnrolment, attempt: QuizAttempt, justCompleted: boolean): Promise<QuizResult> {
    const language = actor.preferredLanguage;
    const fallbacks = enrolment.course.network.fallbackLanguages;
    const pick = (texts: unknown) => localisedText(texts, language, fallbacks);
    const [questions, lesson, attempts, after] = await Promise.all([
      this.repository.questionsByIds(attempt.questionIds),
      this.repository.lesson(enrolment.versionId, attempt.lessonId),
      this.repository.attempts(enrolment.id, attempt.lessonId),
      this.repository.enrolmentStatus(enrolment.id),
    ]);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const stored = attempt.answers as unknown as StoredAnswers;
    const orders = attempt.optionOrders as Record<string, string[]>;
    const poolSize = await this.repository.quizPoolSize(enrolment.versionId, lesson!.quizPool || null);
    const meta = quizMeta(lesson!, attempts, poolSize, this.clock.now());
    return {
      attemptId: attempt.id,
      number: attempt.number,
      scorePercent: attempt.scorePercent ?? 0,
      passPercent: lesson!.quizPassPercent,
      passed: !!attempt.passed,
      submittedAt: attempt.submittedAt!.toISOString(),
      questions: attempt.questionIds.map((id) => {
        const question = byId.get(id)!;
        const options = question.options as unknown as StoredOption[];
        const given = stored.given[id] ?? {};
        const chosen = new Set(given.optionIds ?? []);
        const shown = (orders[id] ?? options.map((o) => o.id)).map((optionId) => options.find((o) => o.id === optionId)!).filter(Boolean);
        const accepted = question.acceptedAnswers;
        const ordering = question.type === 'ORDERING';
        return {
          questionId: id,
          type: question.type,
          prompt: pick(question.prompts),
          correct: !!stored.correct[id],
          points: question.points,
          options: shown.map((o) => ({ id: o.id, text: pick(o.texts), correct: ordering ? true : o.correct, chosen: chosen.has(o.id), feedback: pick(o.feedback) })),
          correctOrder: ordering ? options.map((o) => o.id) : null,
          givenOrder: ordering ? (given.optionIds ?? []) : null,
          givenText: question.type === 'SHORT_TEXT' ? (given.text ?? '') : null,
          acceptedAnswers: question.type === 'SHORT_TEXT' ? localisedList(accepted, language, fallbacks) : [],
          explanation: pick(question.explanations),
        };
      }),
      attemptsLeft: meta.attemptsLeft,
      nextAttemptAt: meta.nextAttemptAt,
      courseCompleted: justCompleted || after.status === 'COMPLETED',
    };
  }
}

export interface OfflineAttempt {
  occurredAt: string;
  startedAt: string;
  questionIds: string[];
  optionOrders: Record<string, string[]>;
  answers: QuizSubmission['answers'];
}

/**
 * The device's draw must be one the server could have made: distinct questions of this
 * lesson's pool, as many as an attempt draws, each option order a permutation of the
 * question's options (anything else falls back to the stored order).
 */
function validOfflineDraw(offline: OfflineAttempt, pool: QuizQuestion[], count: number | null) {
  const byId = new Map(pool.map((q) => [q.id, q]));
  const expected = Math.min(count ?? pool.length, pool.length);
  const ids = offline.questionIds;
  if (new Set(ids).size !== ids.length || ids.length !== expected || ids.some((id) => !byId.has(id))) {
    throw new AppError('VALIDATION_FAILED', 'These questions are not a draw of this quiz.', {
      fields: { questionIds: [{ code: 'custom', message: 'notThisQuiz' }] },
    });
  }
  const optionOrders: Record<string, string[]> = {};
  for (const id of ids) {
    const stored = (byId.get(id)!.options as unknown as StoredOption[]).map((o) => o.id);
    const shown = offline.optionOrders[id] ?? [];
    optionOrders[id] = shown.length === stored.length && stored.every((o) => shown.includes(o)) ? shown : stored;
  }
  return { questionIds: ids, optionOrders };
}

/** Answers only to this attempt's questions, options only of their question; one answer each. */
function validAnswers(submission: QuizSubmission, attempt: Pick<QuizAttempt, 'questionIds'>, questions: QuizQuestion[]): Map<string, GivenAnswer> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, GivenAnswer>();
  const problems: Record<string, { code: string; message: string }[]> = {};
  submission.answers.forEach((answer, index) => {
    const question = attempt.questionIds.includes(answer.questionId) ? byId.get(answer.questionId) : undefined;
    const fail = (message: string) => (problems[`answers.${index}`] = [{ code: 'custom', message }]);
    if (!question) return fail('notInThisAttempt');
    if (given.has(answer.questionId)) return fail('answeredTwice');
    const optionIds = new Set((question.options as unknown as StoredOption[]).map((o) => o.id));
    if ((answer.optionIds ?? []).some((id) => !optionIds.has(id))) return fail('unknownOption');
    given.set(answer.questionId, { optionIds: answer.optionIds, text: answer.text });
  });
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some answers do not belong to this quiz.', { fields: problems });
  }
  return given;
}

/**
 * An archived course takes no more quiz attempts, online or offline: its authors withdrew it,
 * so no new result counts towards it (nor towards a certificate). This is not the "keep your
 * version" rule: a new published version retires the old one and its learners go on with it;
 * archiving stops the course itself, for every version. Lessons stay readable and results
 * already earned stay; unarchiving opens attempts again.
 */
function refuseIfArchived(enrolment: OwnEnrolment): void {
  if (enrolment.course.status === 'ARCHIVED') {
    throw new AppError('COURSE_ARCHIVED', 'This course has been archived: quiz attempts on it no longer count.', { versionNumber: enrolment.version.number });
  }
}
