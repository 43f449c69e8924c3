import { Prisma } from '../../generated/prisma/client.js';
import { networkIdsOf, type Actor } from '../../common/auth/actor.js';

/**
 * Which courses a learner may see, as id sets taken from the actor, rendered as SQL for the
 * catalogue and as a Prisma filter for reads by id, so both agree.
 *
 * - Catalogue (what one may take): published courses open to one of their networks
 *   (policy NETWORK), or to their own organisation (ORGANISATION), and every course they are
 *   enrolled in or were assigned (whatever its state now: they keep their version).
 * - By id, additionally: a published course of their network that is given by assignment only
 *   (ASSIGNED, no organisation or their own), so a shared link explains "ask your leader"
 *   instead of pretending the course does not exist. Another organisation's course stays 404.
 */
export interface LearnerScope {
  userId: string;
  networkIds: string[];
  organisationIds: string[];
}

export function learnerScopeOf(actor: Actor): LearnerScope {
  return { userId: actor.userId, networkIds: networkIdsOf(actor), organisationIds: [...actor.organisations.keys()] };
}

/** SQL condition on alias `c` ("Course"): the course belongs in this learner's catalogue. */
export function catalogueSql(scope: LearnerScope): Prisma.Sql {
  return Prisma.sql`((c."status" = 'PUBLISHED' AND (
        (c."enrolmentPolicy" = 'NETWORK' AND c."networkId" = ANY(${scope.networkIds}::uuid[]))
     OR (c."enrolmentPolicy" = 'ORGANISATION' AND c."organisationId" = ANY(${scope.organisationIds}::uuid[]))))
    OR EXISTS (SELECT 1 FROM "CourseEnrolment" ve
                WHERE ve."courseId" = c."id" AND ve."userId" = ${scope.userId}::uuid AND ve."status" <> 'WITHDRAWN'))`;
}

/** The by-id rule as a Prisma filter on Course. */
export function visibleCourseWhere(scope: LearnerScope): Prisma.CourseWhereInput {
  return {
    OR: [
      { enrolments: { some: { userId: scope.userId, status: { not: 'WITHDRAWN' } } } },
      {
        status: 'PUBLISHED',
        networkId: { in: scope.networkIds },
        OR: [
          { enrolmentPolicy: 'NETWORK' },
          { organisationId: { in: scope.organisationIds } },
          { enrolmentPolicy: 'ASSIGNED', organisationId: null },
        ],
      },
    ],
  };
}

/** May this learner enrol themselves (the policy part; publication and prerequisites are checked by enrolLearner)? */
export function selfEnrolOrganisation(
  actor: Actor,
  course: { networkId: string; organisationId: string | null; enrolmentPolicy: string },
): string | null {
  if (course.enrolmentPolicy === 'ORGANISATION') {
    return course.organisationId && actor.organisations.has(course.organisationId) ? course.organisationId : null;
  }
  if (course.enrolmentPolicy !== 'NETWORK') return null;
  // Progress reports are per organisation: the learner's own one in the course's network.
  if (course.organisationId && actor.organisations.has(course.organisationId)) return course.organisationId;
  for (const [id, membership] of actor.organisations) if (membership.networkId === course.networkId) return id;
  return null;
}
