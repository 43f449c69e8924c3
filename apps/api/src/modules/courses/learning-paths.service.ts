import { Injectable } from '@nestjs/common';
import type { AuthoringLearningPath, LearningPathCreate, LearningPathListQuery, LearningPathUpdate } from '@tadamon/shared';
import { AuditService } from '../../common/audit/audit.service.js';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { authoredWhere, requireAuthor, validationError, visibleWhere } from './course-access.js';
import { seesPath } from './course-visibility.js';
import type { PathWrites } from './course-writes.repository.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import type { TextMap } from './course-texts.js';
import { CoursesRepository, type PathRow } from './courses.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Learning paths: an ordered set of courses ("Volunteer foundation", "Leader track"). A network
 * path holds network courses; an organisation's path may add that organisation's own courses.
 * Publishing needs every course published. Changes name the revision they were based on.
 */
@Injectable()
export class LearningPathsService {
  constructor(
    private readonly repository: CoursesRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: LearningPathListQuery) {
    const and: Prisma.LearningPathWhereInput[] = [authoredWhere(actor)];
    if (query.networkId) and.push({ networkId: query.networkId });
    if (query.status) and.push({ status: query.status });
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
      if (!UUID.test(id) || Number.isNaN(Date.parse(at))) throw invalidCursor();
      and.push({ OR: [{ updatedAt: { lt: new Date(at) } }, { updatedAt: new Date(at), id: { lt: id } }] });
    }
    const rows = await this.repository.paths({ AND: and }, query.limit + 1);
    const page = pageFrom(rows, query.limit, (row) => [row.updatedAt.toISOString(), row.id]);
    return { items: page.items.map((row) => pathOut(row, actor.preferredLanguage)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, pathId: string) {
    return pathOut(await this.requirePath(actor, pathId), actor.preferredLanguage);
  }

  async create(actor: Actor, input: LearningPathCreate) {
    if (input.organisationId) {
      const [organisation] = await this.access.requireOrganisationAccess(actor, 'courses.manage', [input.organisationId]);
      if (organisation!.networkId !== input.networkId) throw validationError('organisationId', 'organisation_not_in_network');
    } else {
      await this.access.requireNetworkAccess(actor, 'courses.manage', input.networkId);
    }
    const scope = { networkId: input.networkId, organisationId: input.organisationId ?? null };
    const path = await this.repository.pathTransaction(async (writes) => {
      const courseIds = await checkCourses(writes, actor, scope, input.courseIds ?? []);
      return writes.create({ ...scope, titles: input.titles, summaries: input.summaries ?? {}, createdById: actor.userId }, courseIds);
    });
    await this.record(actor, 'learning_path.created', path);
    return this.get(actor, path.id);
  }

  async update(actor: Actor, pathId: string, revision: number, input: LearningPathUpdate) {
    return this.edit(actor, pathId, revision, async (writes, path) => {
      const { courseIds, ...texts } = input;
      if (courseIds) {
        const ordered = await checkCourses(writes, actor, path, courseIds);
        if (path.status === 'PUBLISHED') await requirePublished(writes, ordered);
        await writes.replaceCourses(pathId, ordered);
      }
      await writes.update(pathId, texts);
    });
  }

  async publish(actor: Actor, pathId: string, revision: number) {
    const path = await this.edit(actor, pathId, revision, async (writes, row) => {
      const courseIds = row.courses.map((c) => c.courseId);
      if (courseIds.length === 0) {
        throw new AppError('COURSE_PUBLISH_BLOCKED', 'A learning path needs at least one course.', { problems: [{ code: 'pathEmpty' }] });
      }
      await requirePublished(writes, courseIds);
      await writes.update(pathId, { status: 'PUBLISHED' });
    });
    await this.record(actor, 'learning_path.published', path);
    return path;
  }

  async archive(actor: Actor, pathId: string, revision: number, archived: boolean) {
    const path = await this.edit(actor, pathId, revision, async (writes, row) => {
      if ((row.status === 'ARCHIVED') === archived) {
        throw new AppError('INVALID_STATUS_TRANSITION', archived ? 'The path is already archived.' : 'The path is not archived.');
      }
      // Unarchiving goes back to draft: its courses may have changed meanwhile; publish again.
      await writes.update(pathId, { status: archived ? 'ARCHIVED' : 'DRAFT' });
    });
    await this.record(actor, archived ? 'learning_path.archived' : 'learning_path.unarchived', path);
    return path;
  }

  private async requirePath(actor: Actor, pathId: string) {
    const path = await this.repository.findPath(pathId);
    return requireAuthor(actor, path, 'learning path', (p) => seesPath(actor, p));
  }

  private async edit(actor: Actor, pathId: string, revision: number, change: (writes: PathWrites, path: PathRow) => Promise<void>) {
    const path = await this.requirePath(actor, pathId);
    const landed = await this.repository.pathTransaction(async (writes) => {
      if (!(await writes.bumpRevision(pathId, revision))) return false;
      await change(writes, path);
      return true;
    });
    if (!landed) {
      const current = await this.get(actor, pathId);
      throw new AppError('CONFLICT', 'Someone changed this learning path after you opened it. Nothing was overwritten.', {
        currentRevision: current.revision,
        current,
      });
    }
    return this.get(actor, pathId);
  }

  private record(actor: Actor, action: 'learning_path.created' | 'learning_path.published' | 'learning_path.archived' | 'learning_path.unarchived', path: { id: string; networkId: string; organisationId: string | null }) {
    return this.audit.record({
      action,
      actorId: actor.userId,
      organisationId: path.organisationId,
      networkId: path.networkId,
      details: { learningPathId: path.id },
    });
  }
}

/**
 * Courses a path may hold: network courses of its network, plus its own organisation's. A
 * course the author may not see answers 404 (as an unknown id, its title unsaid); one they
 * see that the path may not hold is a field error.
 */
async function checkCourses(writes: PathWrites, actor: Actor, path: { networkId: string; organisationId: string | null }, courseIds: string[]) {
  if (new Set(courseIds).size !== courseIds.length) throw validationError('courseIds', 'duplicate_course');
  const visible = new Set(courseIds.length ? await writes.courseIdsAmong(courseIds, visibleWhere(actor)) : []);
  if (courseIds.some((id) => !visible.has(id))) throw notFound('course');
  const known = new Set(
    await writes.courseIdsAmong(courseIds, {
      networkId: path.networkId,
      OR: [{ organisationId: null }, ...(path.organisationId ? [{ organisationId: path.organisationId }] : [])],
    }),
  );
  const unknown = courseIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw validationError('courseIds', 'course_not_available', { courseIds: unknown });
  return courseIds;
}

async function requirePublished(writes: PathWrites, courseIds: string[]) {
  const unpublished = await writes.courseIdsAmong(courseIds, { status: { not: 'PUBLISHED' } });
  if (unpublished.length > 0) {
    throw new AppError('COURSE_PUBLISH_BLOCKED', 'Every course of a published path must be published.', {
      problems: unpublished.map((courseId) => ({ code: 'courseNotPublished', courseId })),
    });
  }
}

function pathOut(row: PathRow, language: string): AuthoringLearningPath {
  const fallback = row.network.fallbackLanguages;
  return {
    id: row.id,
    networkId: row.networkId,
    organisationId: row.organisationId,
    organisationName: row.organisation?.name ?? null,
    status: row.status,
    titles: row.titles as TextMap,
    summaries: row.summaries as TextMap,
    title: localisedText(row.titles, language, fallback),
    revision: row.revision,
    courses: row.courses.map(({ course }) => ({ id: course.id, title: localisedText(course.titles, language, fallback), status: course.status })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

