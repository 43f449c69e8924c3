import type { Prisma } from '../../generated/prisma/client.js';
import type { Tx, VersionContent } from './courses.repository.js';

type Json = Record<string, unknown>;
const without = (value: unknown, language: string) => {
  const copy = { ...((value ?? {}) as Json) };
  delete copy[language];
  return copy as Prisma.InputJsonObject;
};

/** Takes one language out of a version: the list, and every text of every part. */
export async function stripLanguage(tx: Tx, content: VersionContent, language: string) {
  await tx.courseVersion.update({
    where: { id: content.id },
    data: {
      languages: content.languages.filter((l) => l !== language),
      titles: without(content.titles, language),
      summaries: without(content.summaries, language),
    },
  });
  for (const module of content.modules) {
    await tx.courseModule.update({ where: { id: module.id }, data: { titles: without(module.titles, language) } });
    for (const lesson of module.lessons) {
      await tx.courseLesson.update({
        where: { id: lesson.id },
        data: {
          titles: without(lesson.titles, language),
          bodies: without(lesson.bodies, language),
          practicalInstructions: without(lesson.practicalInstructions, language),
        },
      });
    }
  }
  for (const question of content.questions) {
    const options = ((question.options ?? []) as Json[]).map((o) => ({
      ...o,
      texts: without(o.texts, language),
      feedback: without(o.feedback, language),
    }));
    await tx.quizQuestion.update({
      where: { id: question.id },
      data: {
        prompts: without(question.prompts, language),
        explanations: without(question.explanations, language),
        acceptedAnswers: without(question.acceptedAnswers, language),
        options: options as object[],
      },
    });
  }
}
