import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

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

/** The only place the courses module reads and writes courses, versions and their content. */
@Injectable()
export class CoursesRepository {
  constructor(readonly prisma: PrismaService) {}

  findCourse(id: string, db: Tx | PrismaService = this.prisma): Promise<CourseWithRefs | null> {
    return db.course.findUnique({ where: { id }, include: courseInclude });
  }

  async versionContent(versionId: string, db: Tx | PrismaService = this.prisma): Promise<VersionContent | null> {
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
   * Takes the course's edit lock: bumps its revision only if it is still `expected`. The row
   * stays locked until the transaction ends, so concurrent edits queue and the later ones see
   * the new revision and fail instead of overwriting.
   */
  async bumpRevision(tx: Tx, courseId: string, expected: number): Promise<boolean> {
    const { count } = await tx.course.updateMany({
      where: { id: courseId, revision: expected },
      data: { revision: { increment: 1 } },
    });
    return count === 1;
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

  /** Runs `work` in one transaction; the methods taking `tx` (and the writers it calls) run inside it. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
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

  /** The network of a library topic (a course's custom topic must be of its network). */
  topicNetwork(topicId: string, db: Tx | PrismaService = this.prisma) {
    return db.materialTopic.findUnique({ where: { id: topicId }, select: { networkId: true } });
  }

  paths(where: Prisma.LearningPathWhereInput, take: number) {
    return this.prisma.learningPath.findMany({ where, include: pathInclude, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take });
  }

  findPath(id: string): Promise<PathRow | null> {
    return this.prisma.learningPath.findUnique({ where: { id }, include: pathInclude });
  }
}
