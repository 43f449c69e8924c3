import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { CourseEditor } from './course-editor.js';
import { CourseVisibility } from './course-visibility.js';
import { CoursesRepository } from './courses.repository.js';

/**
 * Course-level prerequisites ("finish A before starting B"). They hold for every version and
 * are enforced wherever one enrols (learning/enrolment-writer). A prerequisite that would close
 * a circle is refused: nobody could ever start any course in it.
 */
@Injectable()
export class CoursePrerequisitesService {
  constructor(
    private readonly repository: CoursesRepository,
    private readonly editor: CourseEditor,
    private readonly visibility: CourseVisibility,
  ) {}

  async add(actor: Actor, courseId: string, requiredCourseId: string) {
    const course = await this.editor.requireCourse(actor, courseId);
    const required = await this.repository.courseNetwork(requiredCourseId);
    // The required course must be one of the same network that the author may see (theirs, or
    // one the learner rule shows them); anything else answers as an unknown id, title unsaid.
    if (!required || required.networkId !== course.networkId || !(await this.visibility.seesCourse(actor, requiredCourseId))) {
      throw notFound('required course');
    }
    if (requiredCourseId === courseId) throw cycle([courseId]);
    const refused = await this.repository.addPrerequisite(course.networkId, courseId, requiredCourseId);
    if (refused) throw cycle(refused.cycle);
    return this.editor.tree(actor, courseId);
  }

  async remove(actor: Actor, courseId: string, requiredCourseId: string) {
    await this.editor.requireCourse(actor, courseId);
    await this.repository.removePrerequisite(courseId, requiredCourseId);
    return this.editor.tree(actor, courseId);
  }
}

function cycle(courseIds: string[]) {
  return new AppError('COURSE_PREREQUISITE_CYCLE', 'This prerequisite would make courses depend on each other in a circle.', {
    courseIds,
  });
}
