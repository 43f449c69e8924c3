import type { OrganisationRole, Role } from '@tadamon/shared';
import type { PrismaService } from '../database/prisma.service.js';

export interface SessionRow {
  id: string;
  tokenHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  secondFactor: 'VERIFY' | 'ENROL' | null;
  userId: string;
  email: string | null;
  phone: string | null;
  username: string | null;
  sharedDevice: boolean;
  name: string;
  preferredLanguage: string;
  timeZone: string;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  organisations: { organisationId: string; role: OrganisationRole; networkId: string; name: string; networkName: string }[];
  networks: { networkId: string; role: Role; name: string }[];
}

/**
 * A session with its person and every role they hold, in one round trip. Every signed-in
 * request starts here; Prisma's nested include took seven queries for the same answer.
 */
export async function findSessionByTokenHash(prisma: PrismaService, tokenHash: string): Promise<SessionRow | null> {
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s."tokenHash", s."expiresAt", s."lastSeenAt", s."revokedAt", s."sharedDevice", s."secondFactor",
           u.id AS "userId", u.email, u.phone, u.username, u.name, u."preferredLanguage", u."timeZone", u."isPlatformAdmin", u."disabledAt",
           COALESCE((
             SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m.role, 'networkId', o."networkId",
                                               'name', o.name, 'networkName', n.name))
               FROM "OrganisationMembership" m
               JOIN "Organisation" o ON o.id = m."organisationId"
               JOIN "Network" n ON n.id = o."networkId"
              WHERE m."userId" = u.id), '[]') AS organisations,
           COALESCE((
             SELECT json_agg(json_build_object('networkId', nm."networkId", 'role', nm.role, 'name', n.name))
               FROM "NetworkMembership" nm
               JOIN "Network" n ON n.id = nm."networkId"
              WHERE nm."userId" = u.id), '[]') AS networks
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = ${tokenHash}`;
  return rows[0] ?? null;
}
