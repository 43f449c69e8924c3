import { Injectable } from '@nestjs/common';
import type {
  CourseLessonCreate,
  CourseLessonUpdate,
  CourseVersionUpdate,
  Language,
  QuizQuestionInput,
} from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MaterialLookup } from '../materials/material-lookup.js';
import { validationError } from './course-access.js';
import { CourseEditor } from './course-editor.js';
import { CoursesRepository, type CourseWithRefs, type Tx } from './courses.repository.js';
import { stripLanguage } from './strip-language.js';

type Version = Awaited<ReturnType<CourseEditor['requireDraft']>>;

/** Changes to a draft version's content: texts, languages, modules, lessons, question bank. */
@Injectable()
export class CourseContentService {
  constructor(
    private readonly repository: CoursesRepository,
    private readonly editor: CourseEditor,
    private readonly materials: MaterialLookup,
  ) {}

  private async onVersion(
    actor: Actor,
    versionId: string,
    revision: number,
    change: (tx: Tx, version: Version, course: CourseWithRefs) => Promise<void>,
    what = 'course version',
  ) {
    const found = await this.repository.findVersion(versionId);
    if (!found) throw notFound(what);
    return this.editor.edit(
      actor,
      found.courseId,
      revision,
      async (tx, course) => {
        const version = await this.editor.requireDraft(tx, course.id, versionId);
        await change(tx, version, course);
        return versionId;
      },
      { state: found.state, what },
    );
  }

  updateVersion(actor: Actor, versionId: string, revision: number, input: CourseVersionUpdate) {
    return this.onVersion(actor, versionId, revision, async (tx, version, course) => {
      checkLanguages(version.languages, { titles: input.titles, summaries: input.summaries });
      await tx.courseVersion.update({ where: { id: versionId }, data: input });
      await mirrorUnpublished(tx, course, versionId);
    });
  }

  addLanguage(actor: Actor, versionId: string, revision: number, language: Language) {
    return this.onVersion(actor, versionId, revision, async (tx, version, course) => {
      if (version.languages.includes(language)) throw validationError('language', 'language_exists');
      await tx.courseVersion.update({ where: { id: versionId }, data: { languages: [...version.languages, language] } });
      await mirrorUnpublished(tx, course, versionId);
    });
  }

  /** Removes a language version: the language leaves the list and its texts leave every part. */
  removeLanguage(actor: Actor, versionId: string, revision: number, language: Language) {
    return this.onVersion(actor, versionId, revision, async (tx, version, course) => {
      if (!version.languages.includes(language)) throw notFound('language version');
      if (version.languages.length === 1) throw validationError('language', 'last_language');
      const content = (await this.repository.versionContent(versionId, tx))!;
      await stripLanguage(tx, content, language);
      await mirrorUnpublished(tx, course, versionId);
    });
  }

  addModule(actor: Actor, versionId: string, revision: number, titles: Record<string, string>) {
    return this.onVersion(actor, versionId, revision, async (tx, version) => {
      checkLanguages(version.languages, { titles });
      const position = await tx.courseModule.count({ where: { versionId } });
      await tx.courseModule.create({ data: { versionId, position, titles } });
    });
  }

  async updateModule(actor: Actor, moduleId: string, revision: number, titles: Record<string, string>) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (tx, version) => {
      checkLanguages(version.languages, { titles });
      await tx.courseModule.update({ where: { id: moduleId }, data: { titles } });
    }, 'module');
  }

  async deleteModule(actor: Actor, moduleId: string, revision: number) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (tx) => {
      await tx.courseModule.delete({ where: { id: moduleId } });
      await renumber(tx, 'module', (await tx.courseModule.findMany({ where: { versionId: module.versionId }, orderBy: { position: 'asc' } })).map((m) => m.id));
    }, 'module');
  }

  reorderModules(actor: Actor, versionId: string, revision: number, ids: string[]) {
    return this.onVersion(actor, versionId, revision, async (tx) => {
      const current = await tx.courseModule.findMany({ where: { versionId }, select: { id: true } });
      requirePermutation(current.map((m) => m.id), ids);
      await renumber(tx, 'module', ids);
    });
  }

  async addLesson(actor: Actor, moduleId: string, revision: number, input: CourseLessonCreate) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (tx, version, course) => {
      checkLanguages(version.languages, lessonTexts(input));
      if (input.materialId) await this.checkMaterial(tx, actor, course, input.materialId);
      const position = await tx.courseLesson.count({ where: { moduleId } });
      await tx.courseLesson.create({ data: { ...input, moduleId, versionId: module.versionId, position } });
    }, 'module');
  }

  async updateLesson(actor: Actor, lessonId: string, revision: number, input: CourseLessonUpdate) {
    const lesson = await this.requireLesson(lessonId);
    return this.onVersion(actor, lesson.versionId, revision, async (tx, version, course) => {
      checkLanguages(version.languages, lessonTexts(input));
      if (input.materialId) await this.checkMaterial(tx, actor, course, input.materialId);
      await tx.courseLesson.update({ where: { id: lessonId }, data: input });
    }, 'lesson');
  }

  async deleteLesson(actor: Actor, lessonId: string, revision: number) {
    const lesson = await this.requireLesson(lessonId);
    return this.onVersion(actor, lesson.versionId, revision, async (tx) => {
      await tx.courseLesson.delete({ where: { id: lessonId } });
      await renumber(tx, 'lesson', (await tx.courseLesson.findMany({ where: { moduleId: lesson.moduleId }, orderBy: { position: 'asc' } })).map((l) => l.id));
    }, 'lesson');
  }

  async reorderLessons(actor: Actor, moduleId: string, revision: number, ids: string[]) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (tx) => {
      const current = await tx.courseLesson.findMany({ where: { moduleId }, select: { id: true } });
      requirePermutation(current.map((l) => l.id), ids);
      await renumber(tx, 'lesson', ids);
    }, 'module');
  }

  addQuestion(actor: Actor, versionId: string, revision: number, input: QuizQuestionInput) {
    return this.onVersion(actor, versionId, revision, async (tx, version) => {
      checkLanguages(version.languages, questionTexts(input));
      const last = await tx.quizQuestion.aggregate({ where: { versionId }, _max: { position: true } });
      await tx.quizQuestion.create({ data: { ...questionData(input), versionId, position: (last._max.position ?? -1) + 1 } });
    });
  }

  async updateQuestion(actor: Actor, questionId: string, revision: number, input: QuizQuestionInput) {
    const question = await this.repository.findQuestion(questionId);
    if (!question) throw notFound('question');
    return this.onVersion(actor, question.versionId, revision, async (tx, version) => {
      checkLanguages(version.languages, questionTexts(input));
      await tx.quizQuestion.update({ where: { id: questionId }, data: questionData(input) });
    }, 'question');
  }

  async deleteQuestion(actor: Actor, questionId: string, revision: number) {
    const question = await this.repository.findQuestion(questionId);
    if (!question) throw notFound('question');
    return this.onVersion(actor, question.versionId, revision, async (tx) => {
      await tx.quizQuestion.delete({ where: { id: questionId } });
    }, 'question');
  }

  private async requireModule(id: string) {
    const module = await this.repository.findModule(id);
    if (!module) throw notFound('module');
    return module;
  }

  private async requireLesson(id: string) {
    const lesson = await this.repository.findLesson(id);
    if (!lesson) throw notFound('lesson');
    return lesson;
  }

  /**
   * A lesson may embed a material the editor can see in the library, and only one every
   * learner of the course can see too: public, network-wide in the course's network, or owned
   * by the course's organisation.
   */
  private async checkMaterial(tx: Tx, actor: Actor, course: CourseWithRefs, materialId: string) {
    const material = await this.materials.visibleReach(actor, materialId, tx);
    // One the editor may not see does not exist for them: 404, as for an unknown id.
    if (!material) throw notFound('material');
    const reachesLearners =
      material.visibility === 'PUBLIC' ||
      (material.networkId === course.networkId &&
        (material.visibility === 'NETWORK' || (!!course.organisationId && material.organisationId === course.organisationId)));
    if (!reachesLearners) throw validationError('materialId', 'material_not_visible_to_learners');
  }
}

/** Copies a never-published course's texts onto the course, so editors' lists and search show them. */
async function mirrorUnpublished(tx: Tx, course: CourseWithRefs, versionId: string) {
  if (course.publishedVersionId) return;
  const version = await tx.courseVersion.findUniqueOrThrow({ where: { id: versionId } });
  await tx.course.update({
    where: { id: course.id },
    data: { titles: version.titles ?? {}, summaries: version.summaries ?? {}, languages: version.languages },
  });
}

/** Texts may only be in the version's languages: add a language version first. */
function checkLanguages(languages: string[], fields: Record<string, unknown>) {
  for (const [field, value] of Object.entries(fields)) {
    if (!value || typeof value !== 'object') continue;
    for (const language of Object.keys(value)) {
      if (!languages.includes(language)) throw validationError(`${field}.${language}`, 'language_not_in_course');
    }
  }
}

const lessonTexts = (input: CourseLessonUpdate) => ({
  titles: input.titles,
  bodies: input.bodies,
  practicalInstructions: input.practicalInstructions,
});

function questionTexts(input: QuizQuestionInput) {
  const fields: Record<string, unknown> = {
    prompts: input.prompts,
    explanations: input.explanations,
    acceptedAnswers: input.acceptedAnswers,
  };
  (input.options ?? []).forEach((o, i) => {
    fields[`options.${i}.texts`] = o.texts;
    fields[`options.${i}.feedback`] = o.feedback;
  });
  return fields;
}

function questionData(input: QuizQuestionInput): Omit<Prisma.QuizQuestionUncheckedCreateInput, 'versionId' | 'position'> {
  return {
    pool: input.pool ?? '',
    type: input.type,
    prompts: input.prompts,
    // ORDERING: the order given is the correct order; correctness flags mean nothing there.
    options: (input.options ?? []).map((o) => ({
      id: o.id,
      texts: o.texts ?? {},
      correct: input.type === 'ORDERING' ? false : !!o.correct,
      feedback: o.feedback ?? {},
    })),
    acceptedAnswers: input.acceptedAnswers ?? {},
    explanations: input.explanations ?? {},
    points: input.points ?? 1,
  };
}

function requirePermutation(current: string[], ids: string[]) {
  const same = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
  if (!same) throw validationError('ids', 'not_a_permutation');
}

async function renumber(tx: Tx, kind: 'module' | 'lesson', ids: string[]) {
  for (const [position, id] of ids.entries()) {
    if (kind === 'module') await tx.courseModule.update({ where: { id }, data: { position } });
    else await tx.courseLesson.update({ where: { id }, data: { position } });
  }
}
