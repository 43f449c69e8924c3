import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { canAuthor, visibleWhere } from './course-access.js';
import { CoursesRepository, type Tx } from './courses.repository.js';


/**
 * Which courses and learning paths someone may see by id: what they author, and what the
 * learner rule (`learner-scope.ts`) shows them. Every route that names a course or a
 * path — authoring it, linking it as a prerequisite, putting it in a path, a cohort — asks
 * here, so an id of another organisation's private course answers 404 wherever it is used,
 * like an unknown id, and its title is never shown.
 */
@Injectable()
export class CourseVisibility {
  constructor(private readonly repository: CoursesRepository) {}

  /** Those of `ids` the actor may see. */
  async visibleCourseIds(actor: Actor, ids: string[], db?: Tx): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set(await this.repository.courseIdsAmong([...new Set(ids)], visibleWhere(actor), db));
  }

  async seesCourse(actor: Actor, id: string, db?: Tx): Promise<boolean> {
    return (await this.visibleCourseIds(actor, [id], db)).has(id);
  }
}

/**
 * A learning path is seen by its authors and, once published, by the members of its network
 * (a network path) or of its organisation: those it can be assigned to.
 */
export function seesPath(actor: Actor, path: { networkId: string; organisationId: string | null; status: string }): boolean {
  if (canAuthor(actor, path)) return true;
  if (path.status !== 'PUBLISHED') return false;
  if (path.organisationId) return actor.organisations.has(path.organisationId);
  return actor.networks.has(path.networkId) || [...actor.organisations.values()].some((o) => o.networkId === path.networkId);
}
