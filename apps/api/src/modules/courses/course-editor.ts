import { Injectable } from '@nestjs/common';
import type { CourseVersionTree } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { requireAuthor } from './course-access.js';
import { treeOut } from './course-tree.mapper.js';
import { CoursesRepository, type CourseWithRefs, type Tx } from './courses.repository.js';

/** Something to do inside the course's edit lock; may return the version the answer should show. */
type Change = (tx: Tx, course: CourseWithRefs) => Promise<string | void>;

/**
 * Runs every authoring change the same way: access check, then one transaction that takes the
 * course's edit lock by bumping its revision (a stale revision → 409 CONFLICT with the current
 * tree, nothing written), then the change. Answers the editors' tree after the change.
 */
@Injectable()
export class CourseEditor {
  constructor(private readonly repository: CoursesRepository) {}

  async requireCourse(actor: Actor, courseId: string): Promise<CourseWithRefs> {
    return requireAuthor(actor, await this.repository.findCourse(courseId), 'course');
  }

  async tree(actor: Actor, courseId: string, versionId?: string | null): Promise<CourseVersionTree> {
    const course = await this.requireCourse(actor, courseId);
    const id = versionId ?? (await this.repository.workingVersionId(courseId));
    const version = id ? await this.repository.versionContent(id) : null;
    if (!version || version.courseId !== courseId) throw notFound('course version');
    return treeOut(course, version, actor.preferredLanguage);
  }

  async edit(actor: Actor, courseId: string, expectedRevision: number, change: Change): Promise<CourseVersionTree> {
    const course = await this.requireCourse(actor, courseId);
    const outcome = await this.repository.prisma.$transaction(async (tx) => {
      if (!(await this.repository.bumpRevision(tx, courseId, expectedRevision))) return { landed: false as const };
      return { landed: true as const, shownVersionId: (await change(tx, course)) ?? null };
    });
    if (!outcome.landed) throw await this.conflict(actor, courseId);
    return this.tree(actor, courseId, outcome.shownVersionId);
  }

  /** Inside a change: the version must be this course's draft (checked under the lock). */
  async requireDraft(tx: Tx, courseId: string, versionId: string) {
    const version = await tx.courseVersion.findUnique({ where: { id: versionId } });
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
