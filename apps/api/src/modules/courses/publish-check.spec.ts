import { describe, expect, it } from 'vitest';
import type { VersionContent } from './courses.repository.js';
import { estimatedMinutesOf, publishProblems } from './publish-check.js';

type Lesson = VersionContent['modules'][number]['lessons'][number];
type Question = VersionContent['questions'][number];

const lesson = (fields: Partial<Lesson>): Lesson =>
  ({ id: 'l1', moduleId: 'm1', versionId: 'v', position: 0, titles: { en: 'L', ar: 'د' }, bodies: {}, materialId: null, material: null,
    estimatedMinutes: 5, hasQuiz: false, quizPool: '', quizQuestionCount: null, quizPassPercent: 70, quizAttemptLimit: null,
    quizRetryWaitMinutes: 0, requiresPractical: false, practicalInstructions: {}, ...fields }) as Lesson;
const question = (fields: Partial<Question>): Question =>
  ({ id: 'q1', versionId: 'v', pool: '', position: 0, type: 'SINGLE_CHOICE', prompts: { en: 'P', ar: 'س' }, options: [],
    acceptedAnswers: {}, explanations: {}, points: 1, ...fields }) as Question;
const version = (lessons: Lesson[], questions: Question[] = []): VersionContent =>
  ({ id: 'v', courseId: 'c', number: 1, state: 'DRAFT', titles: { en: 'T', ar: 'ع' }, summaries: {}, languages: ['en', 'ar'],
    modules: [{ id: 'm1', versionId: 'v', position: 0, titles: { en: 'M', ar: 'و' }, lessons }], questions }) as unknown as VersionContent;

describe('publishProblems', () => {
  it('accepts a complete bilingual version and sums the minutes', () => {
    const v = version([lesson({ bodies: { en: 'Hi', ar: 'مرحبا' }, estimatedMinutes: 7 }), lesson({ id: 'l2', materialId: 'x', estimatedMinutes: 3 })]);
    expect(publishProblems(v)).toEqual([]);
    expect(estimatedMinutesOf(v)).toBe(10);
  });

  it('wants a body in every language once it exists in one, but no body at all is fine with material', () => {
    expect(publishProblems(version([lesson({ bodies: { en: 'Hi' } })]))).toEqual([
      { code: 'missingText', field: 'body', language: 'ar', moduleId: 'm1', lessonId: 'l1' },
    ]);
  });

  it('does not ask for true/false option texts, but asks for short-answer answers in each language, once per question', () => {
    const trueFalse = question({ type: 'TRUE_FALSE', options: [{ id: 'true', texts: {}, correct: true }, { id: 'false', texts: {} }] });
    const short = question({ id: 'q2', type: 'SHORT_TEXT', acceptedAnswers: { en: ['112'] } });
    const choice = question({ id: 'q3', options: [{ id: 'a', texts: { en: 'A' }, correct: true }, { id: 'b', texts: { en: 'B' } }] });
    const problems = publishProblems(version([lesson({ hasQuiz: true })], [trueFalse, short, choice]));
    expect(problems).toEqual([
      { code: 'missingText', field: 'answers', language: 'ar', questionId: 'q2' },
      { code: 'missingText', field: 'option', language: 'ar', questionId: 'q3' },
    ]);
  });

  it('counts only the named pool for a quiz draw', () => {
    const bank = [question({ pool: 'a' }), question({ id: 'q2', pool: 'b' })];
    expect(publishProblems(version([lesson({ hasQuiz: true, quizPool: 'a', quizQuestionCount: 2 })], bank))).toEqual([
      { code: 'quizPoolTooSmall', pool: 'a', needed: 2, available: 1, moduleId: 'm1', lessonId: 'l1' },
    ]);
    expect(publishProblems(version([lesson({ hasQuiz: true, quizQuestionCount: 2 })], bank))).toEqual([]);
  });
});
