import { Injectable } from '@nestjs/common';
import type { AuthoringCourseListQuery, CourseCreate, CourseSettingsUpdate } from '@tadamon/shared';
import { AuditService } from '../../common/audit/audit.service.js';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import { authoredWhere, authoringScope, validationError } from './course-access.js';
import { CourseEditor } from './course-editor.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import type { CourseWrites } from './course-writes.repository.js';
import { CoursesRepository } from './courses.repository.js';
import { estimatedMinutesOf, publishProblems } from './publish-check.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A course's life: creation, settings, versions (draft → published → retired), archive. */
@Injectable()
export class CoursesService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: CoursesRepository,
    private readonly editor: CourseEditor,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: AuthoringCourseListQuery) {
    const and: Prisma.CourseWhereInput[] = [authoredWhere(actor)];
    if (query.networkId) and.push({ networkId: query.networkId });
    if (query.status) and.push({ status: query.status });
    if (query.q) {
      // Editors' lists are small (one network or organisation): a containment test within the
      // caller's scope is enough.
      const scope = authoringScope(actor);
      const pattern = '%' + query.q.replace(/[%_\\]/g, '\\$&') + '%';
      and.push({ id: { in: await this.repository.courseIdsByTitle(pattern, scope) } });
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
      if (!ISO_TIME.test(at) || !UUID.test(id)) throw invalidCursor();
      const updatedAt = new Date(at);
      and.push({ OR: [{ updatedAt: { lt: updatedAt } }, { updatedAt, id: { lt: id } }] });
    }
    const rows = await this.repository.list({ AND: and }, query.limit + 1);
    const page = pageFrom(rows, query.limit, (row) => [row.updatedAt.toISOString(), row.id]);
    return {
      items: page.items.map((row) => {
        const draft = row.versions[0];
        // A course never published shows its draft's title.
        const titles = Object.keys(row.titles as object).length > 0 ? row.titles : draft?.titles;
        return {
          id: row.id,
          networkId: row.networkId,
          organisationId: row.organisationId,
          organisationName: row.organisation?.name ?? null,
          status: row.status,
          title: localisedText(titles, actor.preferredLanguage, row.network.fallbackLanguages),
          languages: row.languages,
          publishedVersionNumber: row.publishedVersion?.number ?? null,
          draftVersionId: draft?.id ?? null,
          draftVersionNumber: draft?.number ?? null,
          updatedAt: row.updatedAt.toISOString(),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  async create(actor: Actor, input: CourseCreate) {
    if (input.organisationId) {
      const [organisation] = await this.access.requireOrganisationAccess(actor, 'courses.manage', [input.organisationId]);
      if (organisation!.networkId !== input.networkId) throw validationError('organisationId', 'organisation_not_in_network');
    } else {
      // Network courses are the coordinators'.
      await this.access.requireNetworkAccess(actor, 'courses.manage', input.networkId);
      if (input.enrolmentPolicy === 'ORGANISATION') throw validationError('enrolmentPolicy', 'organisation_required');
    }
    await this.checkTopic(input.networkId, input.customTopicId);
    const texts = { titles: { [input.language]: input.title }, summaries: input.summary ? { [input.language]: input.summary } : {} };
    const course = await this.repository.createCourse(
      {
        networkId: input.networkId,
        organisationId: input.organisationId ?? null,
        standardTopic: input.standardTopic ?? null,
        customTopicId: input.customTopicId ?? null,
        audience: input.audience,
        enrolmentPolicy: input.enrolmentPolicy,
        languages: [input.language],
        createdById: actor.userId,
        ...texts,
      },
      { languages: [input.language], ...texts },
    );
    await this.record(actor, 'course.created', course, { title: input.title });
    return this.editor.tree(actor, course.id);
  }

  get(actor: Actor, courseId: string) {
    return this.editor.tree(actor, courseId);
  }

  async version(actor: Actor, versionId: string) {
    const version = await this.repository.findVersion(versionId);
    if (!version) throw new AppError('NOT_FOUND', 'No such course version.');
    return this.editor.tree(actor, version.courseId, versionId, version);
  }

  async updateSettings(actor: Actor, courseId: string, revision: number, input: CourseSettingsUpdate) {
    return this.editor.edit(actor, courseId, revision, async (writes, course) => {
      const data: Prisma.CourseUncheckedUpdateInput = {};
      if (input.standardTopic || input.customTopicId) {
        if (input.standardTopic && input.customTopicId) throw validationError('standardTopic', 'one_topic');
        await this.checkTopic(course.networkId, input.customTopicId, writes);
        data.standardTopic = input.standardTopic ?? null;
        data.customTopicId = input.customTopicId ?? null;
      }
      if (input.audience) data.audience = input.audience;
      if (input.enrolmentPolicy) {
        if (input.enrolmentPolicy === 'ORGANISATION' && !course.organisationId) {
          throw validationError('enrolmentPolicy', 'organisation_required');
        }
        data.enrolmentPolicy = input.enrolmentPolicy;
      }
      await writes.updateCourse(courseId, data);
    });
  }

  /** "Edit a published course": a deep copy of the published version as the next draft. */
  async newDraft(actor: Actor, courseId: string, revision: number) {
    let number = 0;
    const tree = await this.editor.edit(actor, courseId, revision, async (writes, course) => {
      const versions = await writes.versionsOf(courseId);
      if (versions.some((v) => v.state === 'DRAFT')) {
        throw new AppError('COURSE_DRAFT_EXISTS', 'This course already has a draft.');
      }
      const source = course.publishedVersionId ? await writes.versionContent(course.publishedVersionId) : null;
      if (!source) throw new AppError('COURSE_NOT_PUBLISHED', 'Only a published course gets new versions.');
      number = Math.max(...versions.map((v) => v.number)) + 1;
      return writes.copyVersion(source, number);
    });
    await this.record(actor, 'course.version_created', tree.course, { version: number });
    return tree;
  }

  /** Drops a draft of a course that has a published version (the published one stays). */
  async discardDraft(actor: Actor, versionId: string, revision: number) {
    const found = await this.repository.findVersion(versionId);
    if (!found) throw new AppError('NOT_FOUND', 'No such course version.');
    return this.editor.edit(
      actor,
      found.courseId,
      revision,
      async (writes, course) => {
        await this.editor.requireDraft(writes, course.id, versionId);
        if (!course.publishedVersionId) {
          throw new AppError('INVALID_STATUS_TRANSITION', 'The first draft of a course cannot be discarded; archive the course.');
        }
        await writes.deleteVersion(versionId);
        return course.publishedVersionId;
      },
      found,
    );
  }

  async publish(actor: Actor, versionId: string, revision: number) {
    const found = await this.repository.findVersion(versionId);
    if (!found) throw new AppError('NOT_FOUND', 'No such course version.');
    let number = 0;
    const tree = await this.editor.edit(actor, found.courseId, revision, async (writes, course) => {
      await this.editor.requireDraft(writes, course.id, versionId);
      const content = (await writes.versionContent(versionId))!;
      const problems = publishProblems(content);
      if (problems.length > 0) {
        throw new AppError('COURSE_PUBLISH_BLOCKED', 'The draft is not ready to publish.', { problems });
      }
      // Enrolments keep pointing at the retired version: learners finish what they started.
      await writes.publish(course.id, content, estimatedMinutesOf(content));
      number = content.number;
      return versionId;
    }, found);
    await this.record(actor, 'course.published', tree.course, { version: number });
    return tree;
  }

  async archive(actor: Actor, courseId: string, revision: number) {
    const tree = await this.editor.edit(actor, courseId, revision, async (writes, course) => {
      if (course.status === 'ARCHIVED') throw new AppError('INVALID_STATUS_TRANSITION', 'The course is already archived.');
      await writes.updateCourse(courseId, { status: 'ARCHIVED' });
    });
    await this.record(actor, 'course.archived', tree.course);
    return tree;
  }

  async unarchive(actor: Actor, courseId: string, revision: number) {
    const tree = await this.editor.edit(actor, courseId, revision, async (writes, course) => {
      if (course.status !== 'ARCHIVED') throw new AppError('INVALID_STATUS_TRANSITION', 'The course is not archived.');
      await writes.updateCourse(courseId, { status: course.publishedVersionId ? 'PUBLISHED' : 'DRAFT' });
    });
    await this.record(actor, 'course.unarchived', tree.course);
    return tree;
  }

  preview(markdown: string) {
    return { html: renderMarkdown(markdown) };
  }

  /** A custom topic must be one of the course's network (the library's topics; inside a change, under its lock). */
  async checkTopic(networkId: string, customTopicId?: string | null, writes?: CourseWrites) {
    if (!customTopicId) return;
    const topic = await (writes ?? this.repository).topicNetwork(customTopicId);
    if (!topic || topic.networkId !== networkId) throw validationError('customTopicId', 'unknown_topic');
  }

  private record(
    actor: Actor,
    action: 'course.created' | 'course.published' | 'course.archived' | 'course.unarchived' | 'course.version_created',
    course: { id: string; networkId: string; organisationId: string | null },
    details: Record<string, unknown> = {},
  ) {
    return this.audit.record({
      action,
      actorId: actor.userId,
      organisationId: course.organisationId,
      networkId: course.networkId,
      details: { courseId: course.id, ...details },
    });
  }
}
