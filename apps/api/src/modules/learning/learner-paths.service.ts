import { Injectable } from '@nestjs/common';
import type { LearnerPath, LearnerPathList } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { pickLocalisedText } from '../../common/i18n/localised-text.js';
import { learnerScopeOf } from '../courses/learner-scope.js';
import { learnerState, percentOf } from './learner-view.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';

type PathRow = Awaited<ReturnType<LearningRepository['visiblePaths']>>[number];
type CourseRow = Awaited<ReturnType<LearningRepository['visibleCoursesOf']>>[number];
type RuleRow = Awaited<ReturnType<LearningRepository['pathCertificates']>>[number];

/**
 * Learning paths as a learner sees them: the published paths of their network (or of their own
 * organisation), each course in order with where they stand, the next one to take and the
 * certificate the path leads to. A course of the path the learner may not see is left out.
 */
@Injectable()
export class LearnerPathsService {
  constructor(
    private readonly repository: LearningRepository,
    private readonly clock: LearningClock,
  ) {}

  async list(actor: Actor): Promise<LearnerPathList> {
    return { items: await this.view(actor, await this.repository.visiblePaths(learnerScopeOf(actor))) };
  }

  async get(actor: Actor, pathId: string): Promise<LearnerPath> {
    const [path] = await this.view(actor, await this.repository.visiblePaths(learnerScopeOf(actor), pathId));
    if (!path) throw notFound('learningPath');
    return path;
  }

  private async view(actor: Actor, paths: PathRow[]): Promise<LearnerPath[]> {
    if (paths.length === 0) return [];
    const scope = learnerScopeOf(actor);
    const courseIds = [...new Set(paths.flatMap((p) => p.courses.map((c) => c.courseId)))];
    const [courses, rules] = await Promise.all([
      this.repository.visibleCoursesOf(scope, courseIds),
      this.repository.pathCertificates(actor.userId, paths.map((p) => p.id)),
    ]);
    const byId = new Map(courses.map((c) => [c.id, c]));
    const ruleOf = new Map(rules.map((r) => [r.learningPathId!, r]));
    return paths.map((path) => this.pathOf(actor, path, byId, ruleOf.get(path.id)));
  }

  private pathOf(actor: Actor, path: PathRow, courses: Map<string, CourseRow>, rule: RuleRow | undefined): LearnerPath {
    const now = this.clock.now();
    const pick = (texts: unknown) => pickLocalisedText(texts, actor.preferredLanguage, path.network.fallbackLanguages).text;
    const items = path.courses.flatMap(({ courseId }) => {
      const course = courses.get(courseId);
      if (!course) return [];
      return [{ id: course.id, title: pick(course.titles), estimatedMinutes: course.estimatedMinutes, learner: learnerState(course.enrolments[0] ?? null, now), next: false }];
    });
    const next = items.find((c) => c.learner.state !== 'COMPLETED') ?? null;
    if (next) next.next = true;
    const completed = items.filter((c) => c.learner.state === 'COMPLETED').length;
    // The shared rule: a path is under way once one of its courses is (enrolled alone is not).
    const started = items.some((c) => c.learner.state === 'IN_PROGRESS' || c.learner.state === 'COMPLETED');
    return {
      id: path.id,
      title: pick(path.titles),
      summary: pick(path.summaries),
      organisationName: path.organisation?.name ?? null,
      state: items.length > 0 && completed === items.length ? 'COMPLETED' : started ? 'IN_PROGRESS' : 'NOT_STARTED',
      completedCourses: completed,
      totalCourses: items.length,
      progressPercent: percentOf(completed, items.length),
      nextCourseId: next?.id ?? null,
      courses: items,
      certificate: rule
        ? { typeId: rule.certificateType.id, name: pick(rule.certificateType.names), certificateId: rule.certificateType.certificates[0]?.id ?? null }
        : null,
    };
  }
}
