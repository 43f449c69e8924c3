import { randomUUID } from 'node:crypto';
import type { Tx, VersionContent } from './courses.repository.js';

/**
 * A new DRAFT version as a deep copy of `source` (modules, lessons, question bank), with new ids
 * throughout, so nothing a learner's pinned version points at is ever touched by later edits.
 */
export async function copyVersion(tx: Tx, source: VersionContent, number: number) {
  const version = await tx.courseVersion.create({
    data: {
      courseId: source.courseId,
      number,
      state: 'DRAFT',
      titles: source.titles ?? {},
      summaries: source.summaries ?? {},
      languages: source.languages,
      estimatedMinutes: source.estimatedMinutes,
      requireAllLessons: source.requireAllLessons,
      requireQuizzesPassed: source.requireQuizzesPassed,
      requirePracticalSignOff: source.requirePracticalSignOff,
    },
  });
  const modules = source.modules.map((m) => ({ ...m, newId: randomUUID() }));
  await tx.courseModule.createMany({
    data: modules.map((m) => ({ id: m.newId, versionId: version.id, position: m.position, titles: m.titles ?? {} })),
  });
  await tx.courseLesson.createMany({
    data: modules.flatMap((m) =>
      m.lessons.map((l) => ({
        moduleId: m.newId,
        versionId: version.id,
        position: l.position,
        titles: l.titles ?? {},
        bodies: l.bodies ?? {},
        materialId: l.materialId,
        estimatedMinutes: l.estimatedMinutes,
        hasQuiz: l.hasQuiz,
        quizPool: l.quizPool,
        quizQuestionCount: l.quizQuestionCount,
        quizPassPercent: l.quizPassPercent,
        quizAttemptLimit: l.quizAttemptLimit,
        quizRetryWaitMinutes: l.quizRetryWaitMinutes,
        requiresPractical: l.requiresPractical,
        practicalInstructions: l.practicalInstructions ?? {},
      })),
    ),
  });
  await tx.quizQuestion.createMany({
    data: source.questions.map((q) => ({
      versionId: version.id,
      pool: q.pool,
      position: q.position,
      type: q.type,
      prompts: q.prompts ?? {},
      options: q.options ?? [],
      acceptedAnswers: q.acceptedAnswers ?? {},
      explanations: q.explanations ?? {},
      points: q.points,
    })),
  });
  return version;
}
