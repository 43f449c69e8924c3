import type { AuthoringCourse, AuthoringQuestion, CourseVersionTree } from '@tadamon/shared';
import { localisedText } from '../../common/i18n/localised-text.js';
import type { TextMap } from './course-texts.js';
import type { CourseWithRefs, VersionContent } from './courses.repository.js';

/** Database rows → the editors' view of a course and one of its versions (answers included). */

const texts = (value: unknown) => (value ?? {}) as TextMap;

export function courseOut(course: CourseWithRefs, language: string): AuthoringCourse {
  const draft = course.versions.find((v) => v.state === 'DRAFT');
  return {
    id: course.id,
    networkId: course.networkId,
    organisationId: course.organisationId,
    organisationName: course.organisation?.name ?? null,
    status: course.status,
    standardTopic: course.standardTopic,
    customTopic: course.customTopic,
    audience: course.audience,
    enrolmentPolicy: course.enrolmentPolicy,
    revision: course.revision,
    publishedVersionId: course.publishedVersionId,
    draftVersionId: draft?.id ?? null,
    versions: course.versions.map((v) => ({
      id: v.id,
      number: v.number,
      state: v.state,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
    prerequisites: course.prerequisites.map(({ requiredCourse }) => ({
      id: requiredCourse.id,
      title: localisedText(requiredCourse.titles, language, course.network.fallbackLanguages),
      status: requiredCourse.status,
    })),
  };
}

export function questionOut(q: VersionContent['questions'][number]): AuthoringQuestion {
  return {
    id: q.id,
    pool: q.pool,
    position: q.position,
    type: q.type,
    prompts: texts(q.prompts),
    options: ((q.options ?? []) as AuthoringQuestion['options']).map((o) => ({
      id: o.id,
      texts: o.texts ?? {},
      correct: !!o.correct,
      feedback: o.feedback ?? {},
    })),
    acceptedAnswers: (q.acceptedAnswers ?? {}) as Record<string, string[]>,
    explanations: texts(q.explanations),
    points: q.points,
  };
}

export function treeOut(course: CourseWithRefs, version: VersionContent, language: string): CourseVersionTree {
  const fallback = course.network.fallbackLanguages;
  return {
    course: courseOut(course, language),
    version: {
      id: version.id,
      number: version.number,
      state: version.state,
      titles: texts(version.titles),
      summaries: texts(version.summaries),
      languages: version.languages,
      estimatedMinutes: version.estimatedMinutes,
      requireAllLessons: version.requireAllLessons,
      requireQuizzesPassed: version.requireQuizzesPassed,
      requirePracticalSignOff: version.requirePracticalSignOff,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      editable: version.state === 'DRAFT',
    },
    modules: version.modules.map((m) => ({
      id: m.id,
      position: m.position,
      titles: texts(m.titles),
      lessons: m.lessons.map((l) => ({
        id: l.id,
        moduleId: l.moduleId,
        position: l.position,
        titles: texts(l.titles),
        bodies: texts(l.bodies),
        material: l.material
          ? {
              id: l.material.id,
              kind: l.material.kind,
              title: localisedText(
                Object.fromEntries(l.material.translations.map((t) => [t.language, t.title])),
                language,
                fallback,
              ),
            }
          : null,
        estimatedMinutes: l.estimatedMinutes,
        hasQuiz: l.hasQuiz,
        quizPool: l.quizPool,
        quizQuestionCount: l.quizQuestionCount,
        quizPassPercent: l.quizPassPercent,
        quizAttemptLimit: l.quizAttemptLimit,
        quizRetryWaitMinutes: l.quizRetryWaitMinutes,
        requiresPractical: l.requiresPractical,
        practicalInstructions: texts(l.practicalInstructions),
      })),
    })),
    questions: version.questions.map(questionOut),
  };
}
