import { randomBytes } from 'node:crypto';
import type { OrganisationType, Role } from '@tadamon/shared';
import type { PrismaService } from '../../src/common/database/prisma.service.js';
import { hashPassword } from '../../src/common/auth/password.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));
const unique = () => randomBytes(4).toString('hex');

export async function createNetwork(prisma: PrismaService, name = `Network ${unique()}`) {
  return prisma.network.create({ data: { name, slug: `net-${unique()}` } });
}

export async function createOrganisation(
  prisma: PrismaService,
  networkId: string,
  data: Partial<{ name: string; country: string; type: OrganisationType; city: string }> = {},
) {
  return prisma.organisation.create({
    data: {
      networkId,
      name: data.name ?? `Organisation ${unique()}`,
      country: data.country ?? 'MA',
      type: data.type ?? 'NGO',
      city: data.city ?? 'Tangier',
    },
  });
}

/** A person with a password (TEST_PASSWORD) and one role in one place. */
export async function createUser(
  prisma: PrismaService,
  options: {
    role?: Role;
    organisationId?: string;
    networkId?: string;
    email?: string;
    name?: string;
    disabled?: boolean;
  } = {},
) {
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `person-${unique()}@example.test`,
      name: options.name ?? `Person ${unique()}`,
      passwordHash: await passwordHash(),
      isPlatformAdmin: options.role === 'PLATFORM_ADMIN',
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  if (options.organisationId && (options.role === 'VOLUNTEER' || options.role === 'ORG_LEADER')) {
    await prisma.organisationMembership.create({
      data: { userId: user.id, organisationId: options.organisationId, role: options.role },
    });
  }
  if (options.networkId && options.role === 'COORDINATOR') {
    await prisma.networkMembership.create({
      data: { userId: user.id, networkId: options.networkId, role: 'COORDINATOR' },
    });
  }
  // Factory people always have an address (accounts without one are made through the API).
  return user as typeof user & { email: string };
}

/**
 * Two organisations in one network and a third in another network, each with a leader and a
 * volunteer, plus a coordinator per network: the cast for scoping tests.
 */
export async function createWorld(prisma: PrismaService) {
  const network = await createNetwork(prisma, 'Tangier network');
  const otherNetwork = await createNetwork(prisma, 'Other network');
  const orgA = await createOrganisation(prisma, network.id, { name: 'Org A', country: 'MA' });
  const orgB = await createOrganisation(prisma, network.id, { name: 'Org B', country: 'ML', type: 'MUTUAL' });
  const orgC = await createOrganisation(prisma, otherNetwork.id, { name: 'Org C', country: 'BE' });
  const people = {
    coordinator: await createUser(prisma, { role: 'COORDINATOR', networkId: network.id }),
    otherCoordinator: await createUser(prisma, { role: 'COORDINATOR', networkId: otherNetwork.id }),
    leaderA: await createUser(prisma, { role: 'ORG_LEADER', organisationId: orgA.id }),
    volunteerA: await createUser(prisma, { role: 'VOLUNTEER', organisationId: orgA.id }),
    leaderB: await createUser(prisma, { role: 'ORG_LEADER', organisationId: orgB.id }),
    volunteerB: await createUser(prisma, { role: 'VOLUNTEER', organisationId: orgB.id }),
    leaderC: await createUser(prisma, { role: 'ORG_LEADER', organisationId: orgC.id }),
  };
  return { network, otherNetwork, orgA, orgB, orgC, ...people };
}
