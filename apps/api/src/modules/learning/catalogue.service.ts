import { Injectable } from '@nestjs/common';
import type { CatalogueItem, CatalogueQuery, LearnerCourse } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';
import { prefixQuery } from '../../common/text/search-query.js';
import { CatalogueRepository, type CatalogueRow } from './catalogue.repository.js';
import { learnerScopeOf, selfEnrolOrganisation } from '../courses/learner-scope.js';
import { learnerState } from './learner-view.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { flattenOutline, lockedFrom, nextLessonToTake } from './lesson-sequence.js';
import { localisedText, pickLocalisedText, localisedTextPicker } from '../../common/i18n/localised-text.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The catalogue and a course's page as a learner sees them. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly repository: LearningRepository,
    private readonly clock: LearningClock,
  ) {}

  async list(actor: Actor, query: CatalogueQuery) {
    const tsQuery = query.q ? prefixQuery(query.q) : undefined;
    const rows = await this.catalogue.search({
      scope: learnerScopeOf(actor),
      tsQuery,
      standardTopic: query.standardTopic,
      customTopicId: query.customTopicId,
      language: query.language,
      length: query.length,
      after: query.cursor ? afterOf(query.cursor, tsQuery !== undefined) : undefined,
      take: query.limit + 1,
    });
    const page = pageFrom(rows, query.limit, (row) => [row.rank ?? row.updatedAt.toISOString(), row.id]);
    const locks = await this.lockedBy(page.items.map((r) => r.id), actor);
    return { items: page.items.map((row) => this.itemOf(actor, row, locks.get(row.id) ?? [])), nextCursor: page.nextCursor };
  }

  async course(actor: Actor, courseId: string): Promise<LearnerCourse> {
    const course = await this.repository.findVisibleCourse(learnerScopeOf(actor), courseId);
    if (!course) throw notFound('course');
    const enrolment = course.enrolments[0] ?? null;
    const active = enrolment && enrolment.status !== 'WITHDRAWN' ? enrolment : null;
    // The learner's pinned version; before enrolling, the published one.
    const versionId = active?.versionId ?? course.publishedVersionId;
    if (!versionId) throw notFound('course');
    const [version, outline, facts, locks, leadsTo] = await Promise.all([
      this.repository.version(versionId),
      this.repository.outline(versionId),
      active ? this.repository.lessonFacts(active.id) : null,
      this.lockedBy([course.id], actor),
      this.repository.certificatesLeadingTo([course.id], actor.preferredLanguage),
    ]);
    const text = localisedTextPicker(actor.preferredLanguage, course.network.fallbackLanguages);
    const lessons = flattenOutline(outline);
    const openUntil = facts ? lockedFrom(lessons, facts) : 1;
    const row = {
      ...course,
      organisationName: course.organisation?.name ?? null,
      customTopicName: course.customTopic?.name ?? null,
      fallbackLanguages: course.network.fallbackLanguages,
      enrolmentId: enrolment?.id ?? null,
      enrolmentStatus: enrolment?.status ?? null,
      source: enrolment?.source ?? null,
      completedLessons: enrolment?.completedLessons ?? null,
      lastLessonId: enrolment?.lastLessonId ?? null,
      totalLessons: enrolment?.totalLessons ?? null,
      dueAt: enrolment?.dueAt ?? null,
      completedAt: enrolment?.completedAt ?? null,
      rank: null,
    } as CatalogueRow;
    return {
      ...this.itemOf(actor, row, locks.get(course.id) ?? []),
      versionNumber: version.number,
      rules: {
        requireAllLessons: version.requireAllLessons,
        requireQuizzesPassed: version.requireQuizzesPassed,
        requirePracticalSignOff: version.requirePracticalSignOff,
      },
      modules: outline.map((module) => ({
        id: module.id,
        title: text(module.titles),
        lessons: module.lessons.map((lesson) => {
          const index = lessons.findIndex((l) => l.id === lesson.id);
          return {
            id: lesson.id,
            title: text(lesson.titles),
            estimatedMinutes: lesson.estimatedMinutes,
            hasQuiz: lesson.hasQuiz,
            hasMaterial: !!lesson.materialId,
            requiresPractical: lesson.requiresPractical,
            done: facts?.progress.get(lesson.id)?.status === 'COMPLETED',
            locked: !active || index >= openUntil,
          };
        }),
      })),
      resumeLessonId: active && facts ? (nextLessonToTake(lessons, facts)?.id ?? null) : null,
      cohort: active?.cohort
        ? { id: active.cohort.id, name: active.cohort.name, startsAt: active.cohort.startsAt.toISOString(), endsAt: active.cohort.endsAt.toISOString() }
        : null,
      canSelfEnrol: !active && course.status === 'PUBLISHED' && selfEnrolOrganisation(actor, course) !== null,
      certificateId: active?.status === 'COMPLETED' ? await this.repository.certificateFor(actor.userId, course.id) : null,
      leadsTo: leadsTo.get(course.id) ?? [],
    };
  }

  private async lockedBy(courseIds: string[], actor: Actor) {
    const rows = await this.catalogue.missingPrerequisites(courseIds, actor.userId);
    const byCourse = new Map<string, { id: string; title: string }[]>();
    for (const row of rows) {
      const list = byCourse.get(row.courseId) ?? [];
      list.push({ id: row.requiredId, title: localisedText(row.titles, actor.preferredLanguage, row.fallbackLanguages) });
      byCourse.set(row.courseId, list);
    }
    return byCourse;
  }

  private itemOf(actor: Actor, row: CatalogueRow, lockedBy: { id: string; title: string }[]): CatalogueItem {
    const title = pickLocalisedText(row.titles, actor.preferredLanguage, row.fallbackLanguages);
    const enrolment = row.enrolmentId
      ? {
          id: row.enrolmentId,
          status: row.enrolmentStatus!,
          source: row.source!,
          completedLessons: row.completedLessons ?? 0,
          lastLessonId: row.lastLessonId,
          totalLessons: row.totalLessons ?? 0,
          dueAt: row.dueAt,
          completedAt: row.completedAt,
        }
      : null;
    return {
      id: row.id,
      title: title.text,
      summary: localisedText(row.summaries, title.language, row.fallbackLanguages),
      language: title.language,
      languages: row.languages,
      standardTopic: row.standardTopic as CatalogueItem['standardTopic'],
      customTopic: row.customTopicId ? { id: row.customTopicId, name: row.customTopicName ?? '' } : null,
      estimatedMinutes: row.estimatedMinutes,
      organisationName: row.organisationName,
      enrolmentPolicy: row.enrolmentPolicy,
      learner: learnerState(enrolment, this.clock.now()),
      // Prerequisites matter only before one is enrolled.
      lockedBy: enrolment && enrolment.status !== 'WITHDRAWN' ? [] : lockedBy,
    };
  }
}

/** A tampered cursor must answer 400, not reach PostgreSQL as a bad number, date or uuid. */
function afterOf(cursor: string, searching: boolean): [string, string] {
  const [key, id] = decodeCursor(cursor, 2) as [string, string];
  if (!UUID.test(id)) throw invalidCursor();
  const valid = searching ? /^[0-9.e+-]+$/i.test(key) && Number.isFinite(Number(key)) : ISO_TIME.test(key);
  if (!valid) throw invalidCursor();
  return [key, id];
}
