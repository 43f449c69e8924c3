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
import { validationError } from './course-access.js';
import { CourseEditor } from './course-editor.js';
import type { CourseWrites } from './course-writes.repository.js';
import { CoursesRepository, type CourseWithRefs } from './courses.repository.js';

type Version = Awaited<ReturnType<CourseEditor['requireDraft']>>;

/** Changes to a draft version's content: texts, languages, modules, lessons, question bank. */
@Injectable()
export class CourseContentService {
  constructor(
    private readonly repository: CoursesRepository,
    private readonly editor: CourseEditor,
  ) {}

  private async onVersion(
    actor: Actor,
    versionId: string,
    revision: number,
    change: (writes: CourseWrites, version: Version, course: CourseWithRefs) => Promise<void>,
    what = 'course version',
  ) {
    const found = await this.repository.findVersion(versionId);
    if (!found) throw notFound(what);
    return this.editor.edit(
      actor,
      found.courseId,
      revision,
      async (writes, course) => {
        const version = await this.editor.requireDraft(writes, course.id, versionId);
        await change(writes, version, course);
        return versionId;
      },
      { state: found.state, what },
    );
  }

  updateVersion(actor: Actor, versionId: string, revision: number, input: CourseVersionUpdate) {
    return this.onVersion(actor, versionId, revision, async (writes, version, course) => {
      checkLanguages(version.languages, { titles: input.titles, summaries: input.summaries });
      await writes.updateVersion(versionId, input);
      await writes.mirrorUnpublished(course, versionId);
    });
  }

  addLanguage(actor: Actor, versionId: string, revision: number, language: Language) {
    return this.onVersion(actor, versionId, revision, async (writes, version, course) => {
      if (version.languages.includes(language)) throw validationError('language', 'language_exists');
      await writes.updateVersion(versionId, { languages: [...version.languages, language] });
      await writes.mirrorUnpublished(course, versionId);
    });
  }

  /** Removes a language version: the language leaves the list and its texts leave every part. */
  removeLanguage(actor: Actor, versionId: string, revision: number, language: Language) {
    return this.onVersion(actor, versionId, revision, async (writes, version, course) => {
      if (!version.languages.includes(language)) throw notFound('language version');
      if (version.languages.length === 1) throw validationError('language', 'last_language');
      const content = (await writes.versionContent(versionId))!;
      await writes.stripLanguage(content, language);
      await writes.mirrorUnpublished(course, versionId);
    });
  }

  addModule(actor: Actor, versionId: string, revision: number, titles: Record<string, string>) {
    return this.onVersion(actor, versionId, revision, async (writes, version) => {
      checkLanguages(version.languages, { titles });
      await writes.addModule(versionId, titles);
    });
  }

  async updateModule(actor: Actor, moduleId: string, revision: number, titles: Record<string, string>) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (writes, version) => {
      checkLanguages(version.languages, { titles });
      await writes.updateModule(moduleId, titles);
    }, 'module');
  }

  async deleteModule(actor: Actor, moduleId: string, revision: number) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (writes) => {
      await writes.deleteModule(moduleId, module.versionId);
    }, 'module');
  }

  reorderModules(actor: Actor, versionId: string, revision: number, ids: string[]) {
    return this.onVersion(actor, versionId, revision, async (writes) => {
      requirePermutation(await writes.moduleIds(versionId), ids);
      await writes.renumberModules(ids);
    });
  }

  async addLesson(actor: Actor, moduleId: string, revision: number, input: CourseLessonCreate) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (writes, version, course) => {
      checkLanguages(version.languages, lessonTexts(input));
      if (input.materialId) await checkMaterial(writes, actor, course, input.materialId);
      await writes.addLesson(moduleId, module.versionId, input);
    }, 'module');
  }

  async updateLesson(actor: Actor, lessonId: string, revision: number, input: CourseLessonUpdate) {
    const lesson = await this.requireLesson(lessonId);
    return this.onVersion(actor, lesson.versionId, revision, async (writes, version, course) => {
      checkLanguages(version.languages, lessonTexts(input));
      if (input.materialId) await checkMaterial(writes, actor, course, input.materialId);
      await writes.updateLesson(lessonId, input);
    }, 'lesson');
  }

  async deleteLesson(actor: Actor, lessonId: string, revision: number) {
    const lesson = await this.requireLesson(lessonId);
    return this.onVersion(actor, lesson.versionId, revision, async (writes) => {
      await writes.deleteLesson(lessonId, lesson.moduleId);
    }, 'lesson');
  }

  async reorderLessons(actor: Actor, moduleId: string, revision: number, ids: string[]) {
    const module = await this.requireModule(moduleId);
    return this.onVersion(actor, module.versionId, revision, async (writes) => {
      requirePermutation(await writes.lessonIds(moduleId), ids);
      await writes.renumberLessons(ids);
    }, 'module');
  }

  addQuestion(actor: Actor, versionId: string, revision: number, input: QuizQuestionInput) {
    return this.onVersion(actor, versionId, revision, async (writes, version) => {
      checkLanguages(version.languages, questionTexts(input));
      await writes.addQuestion(versionId, questionData(input));
    });
  }

  async updateQuestion(actor: Actor, questionId: string, revision: number, input: QuizQuestionInput) {
    const question = await this.repository.findQuestion(questionId);
    if (!question) throw notFound('question');
    return this.onVersion(actor, question.versionId, revision, async (writes, version) => {
      checkLanguages(version.languages, questionTexts(input));
      await writes.updateQuestion(questionId, questionData(input));
    }, 'question');
  }

  async deleteQuestion(actor: Actor, questionId: string, revision: number) {
    const question = await this.repository.findQuestion(questionId);
    if (!question) throw notFound('question');
    return this.onVersion(actor, question.versionId, revision, async (writes) => {
      await writes.deleteQuestion(questionId);
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
}

/**
 * A lesson may embed a material the editor can see in the library, and only one every
 * learner of the course can see too: public, network-wide in the course's network, or owned
 * by the course's organisation.
 */
async function checkMaterial(writes: CourseWrites, actor: Actor, course: CourseWithRefs, materialId: string) {
  const material = await writes.materialReach(actor, materialId);
  // One the editor may not see does not exist for them: 404, as for an unknown id.
  if (!material) throw notFound('material');
  const reachesLearners =
    material.visibility === 'PUBLIC' ||
    (material.networkId === course.networkId &&
      (material.visibility === 'NETWORK' || (!!course.organisationId && material.organisationId === course.organisationId)));
  if (!reachesLearners) throw validationError('materialId', 'material_not_visible_to_learners');
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

