import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OfflineLesson, OfflinePackage, OfflineQuestion } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { pickLocalisedText } from '../../common/i18n/localised-text.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import type { QuizQuestion } from '../../generated/prisma/client.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { LessonAccess } from './lesson-access.js';
import { quizMeta } from './lesson-player.service.js';
import { drawAttempt, type StoredOption } from './quiz-grading.js';
import { VersionContentCache } from './version-content.js';

/**
 * The course a learner saves for offline use: the version they are enrolled in (never a newer
 * one: they keep the version they started), every lesson's text and quiz pool. Questions
 * carry prompts and option texts only — no correctness, feedback, accepted answers or
 * explanations: grading stays on the server. `contentHash` covers the content and the
 * learner's progress, and is the ETag, so an unchanged course costs one 304.
 */
@Injectable()
export class OfflinePackageService {
  constructor(
    private readonly repository: LearningRepository,
    private readonly access: LessonAccess,
    private readonly content: VersionContentCache,
    private readonly clock: LearningClock,
  ) {}

  /**
   * `known`: lesson content hashes the device already holds. Those lessons come without their
   * content; the package's own hash (the ETag) is that of the whole package all the same.
   */
  async package(actor: Actor, courseId: string, known: readonly string[] = []): Promise<OfflinePackage> {
    const current = await this.repository.currentEnrolment(actor.userId, courseId);
    if (!current) throw notFound('enrolment');
    const enrolment = await this.access.requireOwnEnrolment(actor, current.id);
    const fallbacks = enrolment.course.network.fallbackLanguages;
    const pick = (texts: unknown) => pickLocalisedText(texts, actor.preferredLanguage, fallbacks);
    const [content, facts, published] = await Promise.all([
      this.content.of(enrolment.version),
      this.repository.lessonFacts(enrolment.id),
      this.repository.publishedVersionNumber(courseId),
    ]);
    const now = this.clock.now();
    const lessons: OfflineLesson[] = [];
    for (const step of content.sequence) {
      const lesson = content.lessons.get(step.id)!;
      const title = pick(lesson.titles);
      const progress = facts.progress.get(lesson.id);
      let quiz: OfflineLesson['quiz'] = null;
      if (lesson.hasQuiz) {
        const [pool, attempts] = await Promise.all([
          this.repository.questions(enrolment.versionId, lesson.quizPool || null),
          this.repository.attempts(enrolment.id, lesson.id),
        ]);
        const meta = quizMeta(lesson, attempts, pool.length, now);
        quiz = {
          passPercent: meta.passPercent,
          questionCount: meta.questionCount,
          attemptLimit: meta.attemptLimit,
          attemptsUsed: meta.attemptsUsed,
          retryWaitMinutes: meta.retryWaitMinutes,
          nextAttemptAt: meta.nextAttemptAt,
          passed: meta.passed,
          pool: pool.map((question) => questionWithoutAnswers(question, enrolment.id, (texts) => pick(texts).text)),
        };
      }
      const entry: Omit<OfflineLesson, 'contentHash'> = {
        id: lesson.id,
        moduleTitle: pick(step.moduleTitles).text,
        title: title.text,
        language: title.language,
        bodyHtml: renderMarkdown(pick(lesson.bodies).text),
        estimatedMinutes: lesson.estimatedMinutes,
        status: progress?.status ?? 'NOT_STARTED',
        positionSeconds: progress?.positionSeconds ?? 0,
        materialId: lesson.materialId,
        quiz,
        practical: lesson.requiresPractical
          ? {
              instructionsHtml: renderMarkdown(pick(lesson.practicalInstructions).text),
              passed: (await this.repository.signOffs(enrolment.id, lesson.id)).some((s) => s.result === 'PASSED'),
            }
          : null,
      };
      lessons.push({ ...entry, contentHash: lessonContentHash(entry) });
    }
    const body = {
      courseId: enrolment.courseId,
      enrolmentId: enrolment.id,
      versionId: enrolment.versionId,
      versionNumber: enrolment.version.number,
      newerVersionPublished: published !== null && published > enrolment.version.number,
      title: pick(enrolment.course.titles).text,
      enrolmentStatus: enrolment.status,
      lessons,
    };
    const contentHash = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27);
    const have = new Set(known);
    const omitted = lessons.filter((lesson) => have.has(lesson.contentHash));
    return {
      ...body,
      lessons: lessons.map((lesson) => (have.has(lesson.contentHash) ? withoutContent(lesson) : lesson)),
      contentHash,
      omittedContent: omitted.map((lesson) => lesson.id),
    };
  }
}

/** What a lesson holds apart from progress: equal hash, nothing to download again. */
function lessonContentHash(lesson: Omit<OfflineLesson, 'contentHash'>): string {
  const content = {
    id: lesson.id,
    moduleTitle: lesson.moduleTitle,
    title: lesson.title,
    language: lesson.language,
    bodyHtml: lesson.bodyHtml,
    estimatedMinutes: lesson.estimatedMinutes,
    materialId: lesson.materialId,
    quiz: lesson.quiz && { passPercent: lesson.quiz.passPercent, questionCount: lesson.quiz.questionCount, pool: lesson.quiz.pool },
    practical: lesson.practical?.instructionsHtml ?? null,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

function withoutContent(lesson: OfflineLesson): OfflineLesson {
  return {
    ...lesson,
    bodyHtml: '',
    quiz: lesson.quiz && { ...lesson.quiz, pool: [] },
    practical: lesson.practical && { ...lesson.practical, instructionsHtml: '' },
  };
}

/**
 * Only ids and texts leave the server: the stored option carries `correct` and `feedback`,
 * and an ordering question's stored order is its answer, so options go out in the order an
 * attempt would draw — seeded by question and enrolment, so the package (and its ETag) stays
 * the same from one download to the next.
 */
function questionWithoutAnswers(question: QuizQuestion, enrolmentId: string, text: (texts: unknown) => string): OfflineQuestion {
  const options = question.options as unknown as StoredOption[];
  const gradable = { id: question.id, type: question.type, options, acceptedAnswers: {}, points: question.points };
  const order = drawAttempt([gradable], null, seededRandom(`${enrolmentId}:${question.id}`)).optionOrders[question.id] ?? [];
  const byId = new Map(options.map((option) => [option.id, option]));
  return {
    id: question.id,
    type: question.type,
    prompt: text(question.prompts),
    options: order.map((id) => ({ id, text: text(byId.get(id)?.texts) })),
    points: question.points,
  };
}

/** mulberry32 over a SHA-256 of the seed: repeatable, and no answer can be read from it. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
