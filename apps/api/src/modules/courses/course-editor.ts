import { Injectable } from '@nestjs/common';
import type { CourseVersionTree } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { requireAuthor } from './course-access.js';
import { treeOut } from './course-tree.mapper.js';
import { CourseVisibility } from './course-visibility.js';
import type { CourseWrites } from './course-writes.repository.js';
import { CoursesRepository, type CourseWithRefs } from './courses.repository.js';

/** The version (or a part of it, `what`) a route addressed by id. */
export type Addressed = { state: string; what?: string };

/** Something to do inside the course's edit lock; may return the version the answer should show. */
export type Change = (writes: CourseWrites, course: CourseWithRefs) => Promise<string | void>;

/**
 * Runs every authoring change the same way: access check, then one transaction that takes the
 * course's edit lock by bumping its revision (a stale revision → 409 CONFLICT with the current
 * tree, nothing written), then the change. Answers the editors' tree after the change.
 */
@Injectable()
export class CourseEditor {
  constructor(
    private readonly repository: CoursesRepository,
    private readonly visibility: CourseVisibility,
  ) {}

  /**
   * The course, for its authors. Others get 403 if they may see it, else 404. `addressed` is
   * the version a route named (or the version of the module, lesson or question it named,
   * `what`): a draft is never visible to non-authors, so its id answers 404 like an unknown one.
   */
  async requireCourse(actor: Actor, courseId: string, addressed?: Addressed): Promise<CourseWithRefs> {
    const course = await this.repository.findCourse(courseId);
    return requireAuthor(actor, course, addressed ? (addressed.what ?? 'course version') : 'course', async (c) =>
      addressed?.state !== 'DRAFT' && (await this.visibility.seesCourse(actor, c.id)),
    );
  }

  async tree(actor: Actor, courseId: string, versionId?: string | null, addressed?: Addressed): Promise<CourseVersionTree> {
    const course = await this.requireCourse(actor, courseId, addressed);
    const id = versionId ?? (await this.repository.workingVersionId(courseId));
    const version = id ? await this.repository.versionContent(id) : null;
    if (!version || version.courseId !== courseId) throw notFound('course version');
    return treeOut(course, version, actor.preferredLanguage);
  }

  async edit(actor: Actor, courseId: string, expectedRevision: number, change: Change, addressed?: Addressed): Promise<CourseVersionTree> {
    const course = await this.requireCourse(actor, courseId, addressed);
    const outcome = await this.repository.edit(courseId, expectedRevision, (writes) => change(writes, course));
    if (!outcome.landed) throw await this.conflict(actor, courseId);
    return this.tree(actor, courseId, outcome.result ?? null);
  }

  /** Inside a change: the version must be this course's draft (checked under the lock). */
  async requireDraft(writes: CourseWrites, courseId: string, versionId: string) {
    const version = await writes.version(versionId);
    if (!version || version.courseId !== courseId) throw notFound('course version');
    if (version.state !== 'DRAFT') {
      throw new AppError('COURSE_VERSION_NOT_EDITABLE', 'Only a draft can be changed; start a new version.');
    }
    return version;
  }

  private async conflict(actor: Actor, courseId: string) {
    const current = await this.tree(actor, courseId);
    return new AppError('CONFLICT', 'Someone changed this course after you opened it. Nothing was overwritten.', {
      currentRevision: current.course.revision,
      current,
    });
  }
}
