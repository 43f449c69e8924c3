import type { PublishProblem } from '@tadamon/shared';
import type { TextMap } from './course-texts.js';
import type { VersionContent } from './courses.repository.js';

/**
 * What stops a draft from being published. The rule for languages: every language the version
 * lists must have every text a learner would otherwise miss — the course title, module and
 * lesson titles, question prompts, option texts (TRUE_FALSE options excepted: the player names
 * them) and SHORT_TEXT accepted answers — and, where a text exists in one language (summary,
 * lesson body, practical instructions), it must exist in all. Feedback and explanations are
 * optional and fall back to another language.
 */
export function publishProblems(version: VersionContent): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const languages = version.languages;
  const t = (value: unknown) => (value ?? {}) as TextMap;
  const has = (map: TextMap, language: string) => !!map[language]?.trim();
  const required = (map: TextMap, field: string, where: Omit<PublishProblem, 'code'> = {}) => {
    for (const language of languages) if (!has(map, language)) problems.push({ code: 'missingText', field, language, ...where });
  };
  const allOrNone = (map: TextMap, field: string, where: Omit<PublishProblem, 'code'> = {}) => {
    if (Object.values(map).some((text) => text?.trim())) required(map, field, where);
  };

  if (languages.length === 0) problems.push({ code: 'noLanguages' });
  required(t(version.titles), 'title');
  allOrNone(t(version.summaries), 'summary');
  if (version.modules.length === 0) problems.push({ code: 'noModules' });

  const poolSizes = new Map<string, number>();
  for (const q of version.questions) poolSizes.set(q.pool, (poolSizes.get(q.pool) ?? 0) + 1);

  for (const module of version.modules) {
    required(t(module.titles), 'title', { moduleId: module.id });
    if (module.lessons.length === 0) problems.push({ code: 'moduleEmpty', moduleId: module.id });
    for (const lesson of module.lessons) {
      const where = { moduleId: module.id, lessonId: lesson.id };
      const bodies = t(lesson.bodies);
      const hasBody = Object.values(bodies).some((b) => b?.trim());
      if (!hasBody && !lesson.materialId && !lesson.hasQuiz && !lesson.requiresPractical) {
        problems.push({ code: 'lessonEmpty', ...where });
      }
      required(t(lesson.titles), 'title', where);
      allOrNone(bodies, 'body', where);
      if (lesson.requiresPractical) required(t(lesson.practicalInstructions), 'instructions', where);
      if (lesson.hasQuiz) {
        // An empty pool name means the whole bank.
        const available = lesson.quizPool === '' ? version.questions.length : (poolSizes.get(lesson.quizPool) ?? 0);
        if (available === 0) problems.push({ code: 'quizPoolEmpty', pool: lesson.quizPool, ...where });
        else if (lesson.quizQuestionCount !== null && lesson.quizQuestionCount > available) {
          problems.push({ code: 'quizPoolTooSmall', pool: lesson.quizPool, needed: lesson.quizQuestionCount, available, ...where });
        }
      }
    }
  }

  for (const question of version.questions) {
    const where = { questionId: question.id };
    required(t(question.prompts), 'prompt', where);
    if (question.type === 'SHORT_TEXT') {
      const answers = (question.acceptedAnswers ?? {}) as Record<string, string[]>;
      for (const language of languages) {
        if (!answers[language]?.length) problems.push({ code: 'missingText', field: 'answers', language, ...where });
      }
    } else if (question.type !== 'TRUE_FALSE') {
      for (const option of (question.options ?? []) as { texts?: TextMap }[]) {
        required(t(option.texts), 'option', where);
      }
    }
  }
  return dedupe(problems);
}

/** One problem per (code, place, field, language): several options missing one language count once. */
function dedupe(problems: PublishProblem[]): PublishProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.code, p.moduleId, p.lessonId, p.questionId, p.field, p.language, p.pool]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Minutes a learner should plan for: the sum of the lessons' estimates. */
export function estimatedMinutesOf(version: VersionContent): number {
  return version.modules.reduce((sum, m) => sum + m.lessons.reduce((s, l) => s + l.estimatedMinutes, 0), 0);
}
