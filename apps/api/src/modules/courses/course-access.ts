import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { learnerScopeOf, visibleCourseWhere } from './learner-scope.js';
import { holdsInNetwork, holdsInOrganisation, networksHolding, organisationsHolding } from '../../common/auth/roles.js';

/**
 * Who may author which course or learning path. Coordinators author anything in their network,
 * leaders their own organisation's; platform admins everything. Someone who may not edit a
 * course learns it exists only if they may see it (`course-visibility.ts`: as a learner would,
 * e.g. a network course published for everyone) — then 403; anything else, another
 * organisation's private course or a draft, answers 404 like an unknown id.
 */
export interface AuthoredThing {
  networkId: string;
  organisationId: string | null;
  status: string;
}

export function canAuthor(actor: Actor, thing: { networkId: string; organisationId: string | null }): boolean {
  if (actor.isPlatformAdmin) return true;
  return holdsInNetwork(actor, 'courses.manage', thing.networkId) || holdsInOrganisation(actor, 'courses.manage', thing.organisationId);
}

/**
 * Throws 404/403 unless the actor may author `thing`; `what` names it in the message. `sees`
 * says whether a non-author may see it (asked only then).
 */
export async function requireAuthor<T extends AuthoredThing>(
  actor: Actor,
  thing: T | null | undefined,
  what: string,
  sees: (thing: T) => boolean | Promise<boolean>,
): Promise<T> {
  if (!thing) throw notFound(what);
  if (canAuthor(actor, thing)) return thing;
  if (await sees(thing)) throw new AppError('FORBIDDEN', `You may not change this ${what}.`);
  throw notFound(what);
}

/** Networks and organisations whose courses and paths the actor authors, for list filters. */
export function authoringScope(actor: Actor) {
  return {
    all: actor.isPlatformAdmin,
    coordinatorNetworkIds: networksHolding(actor, 'courses.manage'),
    leaderOrganisationIds: organisationsHolding(actor, 'courses.manage'),
  };
}

/** Prisma filter (Course or LearningPath) for what the actor authors. */
export function authoredWhere(actor: Actor) {
  const scope = authoringScope(actor);
  if (scope.all) return {};
  return {
    OR: [
      { networkId: { in: scope.coordinatorNetworkIds } },
      { organisationId: { in: scope.leaderOrganisationIds } },
    ],
  };
}

/**
 * What the actor may see of courses by id, as a Prisma filter on Course: what they author, and
 * what the learner rule (`learner-scope.ts`) shows them.
 */
export function visibleWhere(actor: Actor): Prisma.CourseWhereInput {
  return { OR: [authoredWhere(actor), visibleCourseWhere(learnerScopeOf(actor))] };
}

export const validationError = (field: string, code: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', 'The request is not valid.', {
    fields: { [field]: [{ code, message: code.replace(/_/g, ' '), ...extra }] },
  });
