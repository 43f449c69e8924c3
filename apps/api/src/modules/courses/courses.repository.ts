import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { MaterialLookup } from '../materials/material-lookup.js';
import { CourseWrites, PathWrites } from './course-writes.repository.js';

export type Tx = Prisma.TransactionClient;

const courseInclude = {
  organisation: { select: { name: true } },
  customTopic: { select: { id: true, name: true } },
  network: { select: { fallbackLanguages: true } },
  versions: { select: { id: true, number: true, state: true, publishedAt: true }, orderBy: { number: 'asc' } },
  prerequisites: { select: { requiredCourse: { select: { id: true, titles: true, status: true } } } },
} satisfies Prisma.CourseInclude;
export type CourseWithRefs = Prisma.CourseGetPayload<{ include: typeof courseInclude }>;

const lessonInclude = {
  material: { select: { id: true, kind: true, translations: { select: { language: true, title: true } } } },
} satisfies Prisma.CourseLessonInclude;

export type VersionContent = Prisma.CourseVersionGetPayload<{
  include: {
    modules: { include: { lessons: { include: typeof lessonInclude } } };
    questions: true;
  };
}>;

const pathInclude = {
  organisation: { select: { name: true } },
  network: { select: { fallbackLanguages: true } },
  courses: { orderBy: { position: 'asc' }, include: { course: { select: { id: true, titles: true, status: true } } } },
} satisfies Prisma.LearningPathInclude;
export type PathRow = Prisma.LearningPathGetPayload<{ include: typeof pathInclude }>;

/** A version with its modules, lessons (and their materials' titles) and question bank. */
export function readVersionContent(db: Tx | PrismaService, versionId: string): Promise<VersionContent | null> {
  return db.courseVersion.findUnique({
    where: { id: versionId },
    include: {
      modules: {
        orderBy: { position: 'asc' },
        include: { lessons: { orderBy: { position: 'asc' }, include: lessonInclude } },
      },
      questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    },
  });
}

/** The only place the courses module reads and writes courses, versions and their content. */
@Injectable()
export class CoursesRepository {
  constructor(
    readonly prisma: PrismaService,
    private readonly materials: MaterialLookup,
  ) {}

  findCourse(id: string, db: Tx | PrismaService = this.prisma): Promise<CourseWithRefs | null> {
    return db.course.findUnique({ where: { id }, include: courseInclude });
  }

  versionContent(versionId: string): Promise<VersionContent | null> {
    return readVersionContent(this.prisma, versionId);
  }

  findVersion(id: string) {
    return this.prisma.courseVersion.findUnique({ where: { id }, select: { id: true, courseId: true, state: true } });
  }

  findModule(id: string) {
    return this.prisma.courseModule.findUnique({
      where: { id },
      select: { id: true, versionId: true, version: { select: { courseId: true } } },
    });
  }

  findLesson(id: string) {
    return this.prisma.courseLesson.findUnique({
      where: { id },
      select: { id: true, versionId: true, moduleId: true, version: { select: { courseId: true } } },
    });
  }

  findQuestion(id: string) {
    return this.prisma.quizQuestion.findUnique({
      where: { id },
      select: { id: true, versionId: true, version: { select: { courseId: true } } },
    });
  }

  /**
   * One authoring change in one transaction: takes the course's edit lock by bumping its
   * revision only if it is still `expected` (the row stays locked until the end, so concurrent
   * edits queue and the later ones see the new revision and fail instead of overwriting), then
   * runs `change` with the writes bound to that transaction. `landed: false` when the revision
   * was stale (nothing written).
   */
  async edit<T>(courseId: string, expected: number, change: (writes: CourseWrites) => Promise<T>): Promise<{ landed: false } | { landed: true; result: T }> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.course.updateMany({
        where: { id: courseId, revision: expected },
        data: { revision: { increment: 1 } },
      });
      if (count !== 1) return { landed: false as const };
      return { landed: true as const, result: await change(new CourseWrites(tx, this.materials)) };
    });
  }

  /** A new course with its first draft version, together. */
  createCourse(data: Prisma.CourseUncheckedCreateInput, version: Omit<Prisma.CourseVersionUncheckedCreateInput, 'courseId' | 'number'>) {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.course.create({ data });
      await tx.courseVersion.create({ data: { ...version, courseId: created.id, number: 1 } });
      return created;
    });
  }

  /**
   * Makes `requiredCourseId` a prerequisite of `courseId`, unless it would close a circle: then
   * nothing is written and the answer is the circle (course ids, from `courseId` back to it).
   * One writer of a network's prerequisite graph at a time (an advisory lock), so two additions
   * cannot close a circle together.
   */
  async addPrerequisite(networkId: string, courseId: string, requiredCourseId: string): Promise<{ cycle: string[] } | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'course-prerequisites:' + networkId}))`;
      const path = await tx.$queryRaw<{ path: string[] }[]>`
        WITH RECURSIVE chain("id", "path") AS (
          SELECT "requiredCourseId", ARRAY["courseId", "requiredCourseId"]::uuid[]
            FROM "CoursePrerequisite" WHERE "courseId" = ${requiredCourseId}::uuid
          UNION ALL
          SELECT p."requiredCourseId", c."path" || p."requiredCourseId"
            FROM "CoursePrerequisite" p JOIN chain c ON p."courseId" = c."id"
           WHERE NOT p."requiredCourseId" = ANY(c."path")
        )
        SELECT "path"::text[] AS "path" FROM chain WHERE "id" = ${courseId}::uuid LIMIT 1`;
      if (path.length > 0) return { cycle: [courseId, ...path[0]!.path] };
      await tx.coursePrerequisite.upsert({
        where: { courseId_requiredCourseId: { courseId, requiredCourseId } },
        create: { courseId, requiredCourseId },
        update: {},
      });
      return null;
    });
  }

  /** Work on learning paths in one transaction (creation, or a change after PathWrites.bumpRevision). */
  pathTransaction<T>(work: (writes: PathWrites) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new PathWrites(tx)));
  }

  /** The version editors work on: the draft if any, else the published one, else the newest. */
  async workingVersionId(courseId: string, db: Tx | PrismaService = this.prisma): Promise<string | null> {
    const versions = await db.courseVersion.findMany({
      where: { courseId },
      select: { id: true, state: true },
      orderBy: { number: 'desc' },
    });
    return (
      versions.find((v) => v.state === 'DRAFT')?.id ?? versions.find((v) => v.state === 'PUBLISHED')?.id ?? versions[0]?.id ?? null
    );
  }

  list(where: Prisma.CourseWhereInput, take: number) {
    return this.prisma.course.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take,
      include: {
        organisation: { select: { name: true } },
        network: { select: { fallbackLanguages: true } },
        publishedVersion: { select: { number: true } },
        versions: { where: { state: 'DRAFT' }, select: { id: true, number: true, titles: true } },
      },
    });
  }

  /** Ids of those of `ids` that match `where` (the visibility rule). */
  async courseIdsAmong(ids: string[], where: Prisma.CourseWhereInput, db: Tx | PrismaService = this.prisma): Promise<string[]> {
    const rows = await db.course.findMany({ where: { AND: [{ id: { in: ids } }, where] }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Courses whose title (any language) contains `pattern`, within an authoring scope. */
  async courseIdsByTitle(pattern: string, scope: { all: boolean; coordinatorNetworkIds: string[]; leaderOrganisationIds: string[] }) {
    const ids = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Course"
         WHERE "titles"::text ILIKE ${pattern}
           AND (${scope.all} OR "networkId" = ANY(${scope.coordinatorNetworkIds}::uuid[])
                OR "organisationId" = ANY(${scope.leaderOrganisationIds}::uuid[]))
         LIMIT 1000`;
    return ids.map((r) => r.id);
  }

  courseNetwork(courseId: string) {
    return this.prisma.course.findUnique({ where: { id: courseId }, select: { networkId: true } });
  }

  removePrerequisite(courseId: string, requiredCourseId: string) {
    return this.prisma.coursePrerequisite.deleteMany({ where: { courseId, requiredCourseId } });
  }

  /** The network of a library topic, asked of the library (a course's custom topic must be of its network). */
  topicNetwork(topicId: string) {
    return this.materials.topicNetwork(topicId);
  }

  /** Published courses (matching `where`) whose current version embeds the material in a lesson, newest first. */
  publishedUsingMaterial(materialId: string, where: Prisma.CourseWhereInput, take: number) {
    return this.prisma.course.findMany({
      where: { status: 'PUBLISHED', publishedVersion: { lessons: { some: { materialId } } }, ...where },
      select: { id: true, titles: true, network: { select: { fallbackLanguages: true } } },
      orderBy: { updatedAt: 'desc' },
      take,
    });
  }

  paths(where: Prisma.LearningPathWhereInput, take: number) {
    return this.prisma.learningPath.findMany({ where, include: pathInclude, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take });
  }

  findPath(id: string): Promise<PathRow | null> {
    return this.prisma.learningPath.findUnique({ where: { id }, include: pathInclude });
  }
}
