import { Prisma } from '../../generated/prisma/client.js';
import { networkIdsOf, type Actor } from '../../common/auth/actor.js';
import { networksHolding, organisationsHolding } from '../../common/auth/roles.js';

/**
 * Who sees and who edits which material, as plain id sets taken from the actor. The same
 * rules are rendered as SQL (search) and as Prisma filters (by id), so both agree.
 *
 * - PUBLIC: everyone, signed in or not (a visitor's scope is all empty sets).
 * - NETWORK: everyone in the material's network.
 * - ORGANISATION: members of the owning organisation, and the network's coordinators.
 * Editors: coordinators of the network (any material in it), leaders of the owning organisation.
 * Readers who cannot edit a material only see it once one language version is published
 * (a processed file or a link), so an upload in progress or abandoned shows nothing to them.
 */
export interface MaterialScope {
  all: boolean;
  networkIds: string[];
  organisationIds: string[];
  coordinatorNetworkIds: string[];
  leaderOrganisationIds: string[];
}

export function scopeOf(actor: Actor): MaterialScope {
  return {
    all: actor.isPlatformAdmin,
    networkIds: networkIdsOf(actor),
    organisationIds: [...actor.organisations.keys()],
    coordinatorNetworkIds: networksHolding(actor, 'materials.manage'),
    leaderOrganisationIds: organisationsHolding(actor, 'materials.manage'),
  };
}

/** A visitor who is not signed in: belongs nowhere, so the rule leaves published PUBLIC material only. */
export const VISITOR_SCOPE: MaterialScope = Object.freeze({
  all: false,
  networkIds: [],
  organisationIds: [],
  coordinatorNetworkIds: [],
  leaderOrganisationIds: [],
});

export function canEditMaterial(scope: MaterialScope, material: { networkId: string; organisationId: string | null }) {
  if (scope.all || scope.coordinatorNetworkIds.includes(material.networkId)) return true;
  return !!material.organisationId && scope.leaderOrganisationIds.includes(material.organisationId);
}

/** Where the columns the visibility rule reads live: on Material, or copied onto a language version. */
interface ScopeColumns {
  networkId: Prisma.Sql;
  organisationId: Prisma.Sql;
  visibility: Prisma.Sql;
  published: Prisma.Sql;
}

/** Alias `m` ("Material"). */
export const MATERIAL_COLUMNS: ScopeColumns = {
  networkId: Prisma.raw('m."networkId"'),
  organisationId: Prisma.raw('m."organisationId"'),
  visibility: Prisma.raw('m."visibility"'),
  published: Prisma.raw('m."published"'),
};

/** Alias `t` ("MaterialTranslation"), through the copies the triggers keep. */
export const TRANSLATION_COLUMNS: ScopeColumns = {
  networkId: Prisma.raw('t."scopeNetworkId"'),
  organisationId: Prisma.raw('t."scopeOrganisationId"'),
  visibility: Prisma.raw('t."scopeVisibility"'),
  published: Prisma.raw('t."scopePublished"'),
};

const uuids = (ids: string[]) => Prisma.sql`${ids}::uuid[]`;

/** SQL condition: the actor may edit this row's material. */
export function editableSql(scope: MaterialScope, c: ScopeColumns = MATERIAL_COLUMNS): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  return Prisma.sql`(${c.networkId} = ANY(${uuids(scope.coordinatorNetworkIds)})
      OR ${c.organisationId} = ANY(${uuids(scope.leaderOrganisationIds)}))`;
}

/** SQL condition: the actor may see this row. */
export function visibleSql(scope: MaterialScope, c: ScopeColumns = MATERIAL_COLUMNS): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const editable = editableSql(scope, c);
  return Prisma.sql`(${editable} OR (${c.published} AND (${c.visibility} = 'PUBLIC'
      OR (${c.networkId} = ANY(${uuids(scope.networkIds)}) AND (${c.visibility} = 'NETWORK'
          OR ${c.organisationId} = ANY(${uuids(scope.organisationIds)})
          OR ${c.networkId} = ANY(${uuids(scope.coordinatorNetworkIds)}))))))`;
}

/** What the actor may see, as a Prisma filter on Material: the question every feature linking material asks. */
export function visibleWhere(actor: Actor): Prisma.MaterialWhereInput {
  return visibleWhereIn(scopeOf(actor));
}

/** May the actor change this material? */
export function canEdit(actor: Actor, material: { networkId: string; organisationId: string | null }): boolean {
  return canEditMaterial(scopeOf(actor), material);
}

/** The same rule as a Prisma filter on Material, for reads by id. */
export function visibleWhereIn(scope: MaterialScope): Prisma.MaterialWhereInput {
  if (scope.all) return {};
  const published: Prisma.MaterialWhereInput = { published: true };
  return {
    OR: [
      { networkId: { in: scope.coordinatorNetworkIds } },
      { organisationId: { in: scope.leaderOrganisationIds } },
      {
        AND: [
          published,
          {
            OR: [
              { visibility: 'PUBLIC' },
              {
                networkId: { in: scope.networkIds },
                OR: [
                  { visibility: 'NETWORK' },
                  { organisationId: { in: scope.organisationIds } },
                  { networkId: { in: scope.coordinatorNetworkIds } },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
