import type { Actor } from '../../common/auth/actor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { MaterialLookup } from '../materials/material-lookup.js';
import { readVersionContent, type CourseWithRefs, type Tx, type VersionContent } from './courses.repository.js';
import { stripLanguage } from './strip-language.js';
import { copyVersion } from './version-copy.js';

/**
 * The reads and writes of one authoring change, bound to the transaction that holds the
 * course's edit lock (CoursesRepository.edit). Services get this object, never the transaction:
 * they decide what changes, this says how it is stored, and everything here commits together
 * or not at all.
 */
export class CourseWrites {
  constructor(
    private readonly tx: Tx,
    private readonly materials: MaterialLookup,
  ) {}

  version(versionId: string) {
    return this.tx.courseVersion.findUnique({ where: { id: versionId } });
  }

  versionContent(versionId: string): Promise<VersionContent | null> {
    return readVersionContent(this.tx, versionId);
  }

  versionsOf(courseId: string) {
    return this.tx.courseVersion.findMany({ where: { courseId }, select: { state: true, number: true } });
  }

  async updateVersion(versionId: string, data: Prisma.CourseVersionUpdateInput) {
    await this.tx.courseVersion.update({ where: { id: versionId }, data });
  }

  /** Copies a never-published course's texts onto the course, so editors' lists and search show them. */
  async mirrorUnpublished(course: CourseWithRefs, versionId: string) {
    if (course.publishedVersionId) return;
    const version = await this.tx.courseVersion.findUniqueOrThrow({ where: { id: versionId } });
    await this.tx.course.update({
      where: { id: course.id },
      data: { titles: version.titles ?? {}, summaries: version.summaries ?? {}, languages: version.languages },
    });
  }

  stripLanguage(content: VersionContent, language: string) {
    return stripLanguage(this.tx, content, language);
  }

  async addModule(versionId: string, titles: Record<string, string>) {
    const position = await this.tx.courseModule.count({ where: { versionId } });
    await this.tx.courseModule.create({ data: { versionId, position, titles } });
  }

  async updateModule(moduleId: string, titles: Record<string, string>) {
    await this.tx.courseModule.update({ where: { id: moduleId }, data: { titles } });
  }

  /** Deletes a module and closes the gap in the positions of the others. */
  async deleteModule(moduleId: string, versionId: string) {
    await this.tx.courseModule.delete({ where: { id: moduleId } });
    await this.renumberModules(await this.moduleIds(versionId));
  }

  async moduleIds(versionId: string): Promise<string[]> {
    const rows = await this.tx.courseModule.findMany({ where: { versionId }, orderBy: { position: 'asc' }, select: { id: true } });
    return rows.map((m) => m.id);
  }

  async renumberModules(ids: string[]) {
    for (const [position, id] of ids.entries()) await this.tx.courseModule.update({ where: { id }, data: { position } });
  }

  async addLesson(moduleId: string, versionId: string, data: Omit<Prisma.CourseLessonUncheckedCreateInput, 'moduleId' | 'versionId' | 'position'>) {
    const position = await this.tx.courseLesson.count({ where: { moduleId } });
    await this.tx.courseLesson.create({ data: { ...data, moduleId, versionId, position } });
  }

  async updateLesson(lessonId: string, data: Prisma.CourseLessonUncheckedUpdateInput) {
    await this.tx.courseLesson.update({ where: { id: lessonId }, data });
  }

  /** Deletes a lesson and closes the gap in the positions of its module's others. */
  async deleteLesson(lessonId: string, moduleId: string) {
    await this.tx.courseLesson.delete({ where: { id: lessonId } });
    await this.renumberLessons(await this.lessonIds(moduleId));
  }

  async lessonIds(moduleId: string): Promise<string[]> {
    const rows = await this.tx.courseLesson.findMany({ where: { moduleId }, orderBy: { position: 'asc' }, select: { id: true } });
    return rows.map((l) => l.id);
  }

  async renumberLessons(ids: string[]) {
    for (const [position, id] of ids.entries()) await this.tx.courseLesson.update({ where: { id }, data: { position } });
  }

  /** Appends a question to the version's bank. */
  async addQuestion(versionId: string, data: Omit<Prisma.QuizQuestionUncheckedCreateInput, 'versionId' | 'position'>) {
    const last = await this.tx.quizQuestion.aggregate({ where: { versionId }, _max: { position: true } });
    await this.tx.quizQuestion.create({ data: { ...data, versionId, position: (last._max.position ?? -1) + 1 } });
  }

  async updateQuestion(questionId: string, data: Prisma.QuizQuestionUncheckedUpdateInput) {
    await this.tx.quizQuestion.update({ where: { id: questionId }, data });
  }

  async deleteQuestion(questionId: string) {
    await this.tx.quizQuestion.delete({ where: { id: questionId } });
  }

  async updateCourse(courseId: string, data: Prisma.CourseUncheckedUpdateInput) {
    await this.tx.course.update({ where: { id: courseId }, data });
  }

  /** A new draft as a deep copy of `source` (version-copy.ts); answers its id. */
  async copyVersion(source: VersionContent, number: number): Promise<string> {
    return (await copyVersion(this.tx, source, number)).id;
  }

  async deleteVersion(versionId: string) {
    await this.tx.courseVersion.delete({ where: { id: versionId } });
  }

  /**
   * Makes `content` the course's published version: the one published before retires
   * (enrolments keep pointing at it: learners finish what they started), and the course takes
   * the new version's texts.
   */
  async publish(courseId: string, content: VersionContent, estimatedMinutes: number) {
    await this.tx.courseVersion.updateMany({ where: { courseId, state: 'PUBLISHED' }, data: { state: 'RETIRED' } });
    await this.tx.courseVersion.update({
      where: { id: content.id },
      data: { state: 'PUBLISHED', publishedAt: new Date(), estimatedMinutes },
    });
    await this.tx.course.update({
      where: { id: courseId },
      data: {
        status: 'PUBLISHED',
        publishedVersionId: content.id,
        titles: content.titles ?? {},
        summaries: content.summaries ?? {},
        languages: content.languages,
        estimatedMinutes,
      },
    });
  }

  /** Where a material the actor may see is shared, asked of the library under this change's lock. */
  materialReach(actor: Actor, materialId: string) {
    return this.materials.visibleReach(actor, materialId, this.tx);
  }

  /** The network of a library topic, asked of the library (a course's custom topic must be of its network). */
  topicNetwork(topicId: string) {
    return this.materials.topicNetwork(topicId, this.tx);
  }
}

/** The reads and writes of one change to a learning path, bound to the transaction of its revision check. */
export class PathWrites {
  constructor(private readonly tx: Tx) {}

  /** Takes the path's edit lock if it is still at `revision` (false: someone changed it first). */
  async bumpRevision(pathId: string, revision: number): Promise<boolean> {
    const { count } = await this.tx.learningPath.updateMany({ where: { id: pathId, revision }, data: { revision: { increment: 1 } } });
    return count === 1;
  }

  async create(data: Prisma.LearningPathUncheckedCreateInput, courseIds: string[]) {
    const created = await this.tx.learningPath.create({ data });
    await this.tx.learningPathCourse.createMany({ data: courseIds.map((courseId, position) => ({ pathId: created.id, courseId, position })) });
    return created;
  }

  /** The path's courses become `courseIds`, in that order. */
  async replaceCourses(pathId: string, courseIds: string[]) {
    await this.tx.learningPathCourse.deleteMany({ where: { pathId } });
    await this.tx.learningPathCourse.createMany({ data: courseIds.map((courseId, position) => ({ pathId, courseId, position })) });
  }

  async update(pathId: string, data: Prisma.LearningPathUncheckedUpdateInput) {
    await this.tx.learningPath.update({ where: { id: pathId }, data });
  }

  /** Ids of those of `ids` that match `where` (a visibility rule, or what a path may hold). */
  async courseIdsAmong(ids: string[], where: Prisma.CourseWhereInput): Promise<string[]> {
    const rows = await this.tx.course.findMany({ where: { AND: [{ id: { in: ids } }, where] }, select: { id: true } });
    return rows.map((r) => r.id);
  }
}
