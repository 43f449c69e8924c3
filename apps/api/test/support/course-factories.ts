import { randomBytes } from 'node:crypto';
import type { CourseEnrolmentPolicy, QuizQuestionType } from '@tadamon/shared';
import type { PrismaService } from '../../src/common/database/prisma.service.js';

const unique = () => randomBytes(4).toString('hex');

export interface LessonSpec {
  title?: string;
  body?: string;
  materialId?: string;
  quiz?: { pool?: string; questionCount?: number | null; passPercent?: number; attemptLimit?: number | null; retryWaitMinutes?: number };
  practical?: boolean;
}

export interface QuestionSpec {
  pool?: string;
  type: QuizQuestionType;
  prompt?: string;
  /** Option texts with their correctness; for ORDERING give them in the correct order. */
  options?: { id: string; text: string; correct?: boolean; feedback?: string }[];
  /** SHORT_TEXT: accepted answers (English). */
  accepted?: string[];
  points?: number;
}

/**
 * A course with one published version, written straight to the database so tests of learning
 * and progress do not depend on the authoring API. Modules are given as arrays of lessons.
 */
export async function createPublishedCourse(
  prisma: PrismaService,
  options: {
    networkId: string;
    organisationId?: string | null;
    enrolmentPolicy?: CourseEnrolmentPolicy;
    title?: string;
    modules?: LessonSpec[][];
    questions?: QuestionSpec[];
    rules?: { requireAllLessons?: boolean; requireQuizzesPassed?: boolean; requirePracticalSignOff?: boolean };
    createdById?: string;
  },
) {
  const title = options.title ?? `Course ${unique()}`;
  const moduleSpecs = options.modules ?? [[{ title: 'Welcome', body: 'Hello' }]];
  const lessonCount = moduleSpecs.reduce((n, lessons) => n + lessons.length, 0);
  return prisma.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        networkId: options.networkId,
        organisationId: options.organisationId ?? null,
        standardTopic: 'FIRST_AID',
        audience: 'EVERYONE',
        enrolmentPolicy: options.enrolmentPolicy ?? 'NETWORK',
        status: 'PUBLISHED',
        titles: { en: title },
        summaries: { en: `About ${title}` },
        languages: ['en'],
        estimatedMinutes: lessonCount * 5,
        createdById: options.createdById ?? null,
      },
    });
    const version = await tx.courseVersion.create({
      data: {
        courseId: course.id,
        number: 1,
        state: 'PUBLISHED',
        titles: { en: title },
        summaries: { en: `About ${title}` },
        languages: ['en'],
        estimatedMinutes: lessonCount * 5,
        publishedAt: new Date(),
        ...options.rules,
      },
    });
    await tx.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
    const lessons = [];
    for (const [moduleIndex, lessonSpecs] of moduleSpecs.entries()) {
      const module = await tx.courseModule.create({
        data: { versionId: version.id, position: moduleIndex, titles: { en: `Module ${moduleIndex + 1}` } },
      });
      for (const [lessonIndex, spec] of lessonSpecs.entries()) {
        lessons.push(
          await tx.courseLesson.create({
            data: {
              moduleId: module.id,
              versionId: version.id,
              position: lessonIndex,
              titles: { en: spec.title ?? `Lesson ${moduleIndex + 1}.${lessonIndex + 1}` },
              bodies: spec.body ? { en: spec.body } : {},
              materialId: spec.materialId ?? null,
              hasQuiz: !!spec.quiz,
              quizPool: spec.quiz?.pool ?? '',
              quizQuestionCount: spec.quiz?.questionCount ?? null,
              quizPassPercent: spec.quiz?.passPercent ?? 70,
              quizAttemptLimit: spec.quiz?.attemptLimit ?? null,
              quizRetryWaitMinutes: spec.quiz?.retryWaitMinutes ?? 0,
              requiresPractical: !!spec.practical,
            },
          }),
        );
      }
    }
    const questions = [];
    for (const [position, spec] of (options.questions ?? []).entries()) {
      questions.push(
        await tx.quizQuestion.create({
          data: {
            versionId: version.id,
            pool: spec.pool ?? '',
            position,
            type: spec.type,
            prompts: { en: spec.prompt ?? `Question ${position + 1}` },
            options: (spec.options ?? []).map((o) => ({
              id: o.id,
              texts: { en: o.text },
              correct: !!o.correct,
              feedback: o.feedback ? { en: o.feedback } : {},
            })),
            acceptedAnswers: spec.accepted ? { en: spec.accepted } : {},
            points: spec.points ?? 1,
          },
        }),
      );
    }
    return { course: { ...course, publishedVersionId: version.id }, version, lessons, questions };
  });
}
