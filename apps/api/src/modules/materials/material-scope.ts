import { Prisma } from '../../generated/prisma/client.js';
import { networkIdsOf, type Actor } from '../../common/auth/actor.js';

/**
 * Who sees and who edits which material, as plain id sets taken from the actor. The same
 * rules are rendered as SQL (search) and as Prisma filters (by id), so both agree.
 *
 * - PUBLIC: every signed-in person on the platform.
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
  const leaderOrganisationIds: string[] = [];
  for (const [id, membership] of actor.organisations) if (membership.role === 'ORG_LEADER') leaderOrganisationIds.push(id);
  const coordinatorNetworkIds: string[] = [];
  for (const [id, network] of actor.networks) if (network.role === 'COORDINATOR') coordinatorNetworkIds.push(id);
  return {
    all: actor.isPlatformAdmin,
    networkIds: networkIdsOf(actor),
    organisationIds: [...actor.organisations.keys()],
    coordinatorNetworkIds,
    leaderOrganisationIds,
  };
}

export function canEditMaterial(scope: MaterialScope, material: { networkId: string; organisationId: string | null }) {
  if (scope.all || scope.coordinatorNetworkIds.includes(material.networkId)) return true;
  return !!material.organisationId && scope.leaderOrganisationIds.includes(material.organisationId);
}

const PUBLISHED_SQL = Prisma.sql`EXISTS (
  SELECT 1 FROM "MaterialTranslation" pt LEFT JOIN "MaterialFile" pf ON pf."id" = pt."currentFileId"
   WHERE pt."materialId" = m."id" AND (pt."externalUrl" IS NOT NULL OR pf."status" = 'READY'))`;

/** SQL condition on alias `m` ("Material"): the actor may see this row. */
export function visibleSql(scope: MaterialScope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const uuids = (ids: string[]) => Prisma.sql`${ids}::uuid[]`;
  const editable = Prisma.sql`(m."networkId" = ANY(${uuids(scope.coordinatorNetworkIds)})
      OR m."organisationId" = ANY(${uuids(scope.leaderOrganisationIds)}))`;
  return Prisma.sql`(${editable} OR ((m."visibility" = 'PUBLIC'
      OR (m."networkId" = ANY(${uuids(scope.networkIds)}) AND (m."visibility" = 'NETWORK'
          OR m."organisationId" = ANY(${uuids(scope.organisationIds)})
          OR m."networkId" = ANY(${uuids(scope.coordinatorNetworkIds)}))))
    AND ${PUBLISHED_SQL}))`;
}

/** The same rule as a Prisma filter on Material, for reads by id. */
export function visibleWhere(scope: MaterialScope): Prisma.MaterialWhereInput {
  if (scope.all) return {};
  const published: Prisma.MaterialWhereInput = {
    translations: {
      some: { OR: [{ externalUrl: { not: null } }, { currentFile: { status: 'READY' } }] },
    },
  };
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
