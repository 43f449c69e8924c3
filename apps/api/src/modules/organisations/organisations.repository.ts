import { Injectable } from '@nestjs/common';
import type { OrganisationDetail, OrganisationType } from '@tadamon/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

export interface OrganisationFields {
  name?: string;
  type?: OrganisationType;
  country?: string;
  city?: string;
  languages?: string[];
  description?: string;
  website?: string | null;
  contactEmail?: string | null;
  phone?: string | null;
  timeZone?: string | null;
}

// Disabled accounts are not shown as contacts nor counted as members.
const active = { user: { disabledAt: null } } as const;

const detailSelect = {
  id: true,
  networkId: true,
  name: true,
  type: true,
  country: true,
  city: true,
  languages: true,
  description: true,
  website: true,
  contactEmail: true,
  phone: true,
  logoUrl: true,
  accreditedUntil: true,
  timeZone: true,
  network: { select: { name: true, timeZone: true } },
  _count: { select: { memberships: { where: active } } },
  memberships: {
    where: { role: { in: LEADER_ROLES }, ...active },
    select: { user: { select: { name: true } } },
    orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
  },
} satisfies Prisma.OrganisationSelect;

type DetailRow = Prisma.OrganisationGetPayload<{ select: typeof detailSelect }>;

function toDetail(row: DetailRow): OrganisationDetail {
  const { network, _count, memberships, accreditedUntil, ...organisation } = row;
  return {
    ...organisation,
    accreditedUntil: accreditedUntil?.toISOString() ?? null,
    timeZone: organisation.timeZone ?? network.timeZone,
    networkName: network.name,
    memberCount: _count.memberships,
    leaders: memberships.map((m) => ({ name: m.user.name })),
  };
}

/** Organisations' contact pages and their changes: the only Prisma calls for them. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The contact page, or null when it is not in one of `networkIds`. */
  async findDetail(id: string, networkIds: string[]): Promise<OrganisationDetail | null> {
    const row = await this.prisma.organisation.findFirst({
      where: { id, networkId: { in: networkIds } },
      select: detailSelect,
    });
    return row && toDetail(row);
  }

  /** The stored fields, for computing what an update changes. */
  findFields(id: string) {
    return this.prisma.organisation.findUniqueOrThrow({
      where: { id },
      select: {
        name: true, type: true, country: true, city: true, languages: true,
        description: true, website: true, contactEmail: true, phone: true, timeZone: true,
      },
    });
  }

  /** Names are unique per network regardless of case: "Org A" and "ORG A" confuse people. */
  async nameTaken(networkId: string, name: string, exceptId?: string): Promise<boolean> {
    const clash = await this.prisma.organisation.findFirst({
      where: { networkId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    return !!clash;
  }

  async create(networkId: string, fields: OrganisationFields & { name: string; type: OrganisationType; country: string }) {
    const row = await this.uniqueName(() =>
      this.prisma.organisation.create({ data: { ...fields, networkId }, select: detailSelect }),
    );
    return toDetail(row);
  }

  async update(id: string, fields: OrganisationFields) {
    const row = await this.uniqueName(() =>
      this.prisma.organisation.update({ where: { id }, data: fields, select: detailSelect }),
    );
    return toDetail(row);
  }

  /** Two people saving the same name at once: the database's unique index decides. */
  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw nameConflict();
      }
      throw error;
    }
  }
}

export const nameConflict = () =>
  new AppError('CONFLICT', 'Another organisation in this network already has this name.', {
    fields: { name: [{ code: 'taken', message: 'This name is already used in the network.' }] },
  });
