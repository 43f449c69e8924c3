import { Injectable } from '@nestjs/common';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import { newVerificationCode } from './verification-code.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

export const withNames = {
  certificateType: { select: { names: true, descriptions: true, signatories: true, validityMonths: true } },
  organisation: { select: { name: true } },
  network: { select: { name: true } },
} as const;

export type StoredCertificate = Prisma.CertificateGetPayload<{ include: typeof withNames }>;

/** What a certificate's view is made from: a stored certificate, or the list's lean row. */
export type CertificateViewSource = Pick<
  StoredCertificate,
  | 'id' | 'code' | 'certificateTypeId' | 'holderUserId' | 'holderName' | 'organisationId' | 'networkId'
  | 'reason' | 'issuedAt' | 'expiresAt' | 'revokedAt' | 'revokedReason' | 'pdfPath'
> & { certificateType: { names: unknown }; organisation: { name: string }; network: { name: string } };

export interface VerificationRow {
  code: string;
  holderName: string;
  holderErased: boolean;
  issuedAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  names: unknown;
  organisationName: string;
  networkName: string;
}

export interface NewCertificate {
  certificateTypeId: string;
  holderUserId: string;
  organisationId: string;
  networkId: string;
  reason: string;
  issuedById: string | null;
  holderName: string;
  language: string;
  expiresAt: Date | null;
  /** Absent: the next cycle after the last one, unless a current certificate exists. */
  cycle?: number;
}

/** The only place certificates touch Prisma. */
@Injectable()
export class CertificatesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Certificate types of `networkId` among `ids` (for CertificateLookup). */
  async typeIdsInNetwork(networkId: string, ids: string[]): Promise<string[]> {
    const found = await this.prisma.certificateType.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
    return found.map((t) => t.id);
  }

  /** Types among `typeIds` of which a current leader of the organisation holds a current certificate, in one query. */
  async typeIdsHeldByLeaders(organisationId: string, typeIds: string[], now: Date): Promise<string[]> {
    const held = await this.prisma.certificate.findMany({
      where: {
        certificateTypeId: { in: typeIds },
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        holder: { memberships: { some: { organisationId, role: { in: LEADER_ROLES } } } },
      },
      select: { certificateTypeId: true },
    });
    return held.map((c) => c.certificateTypeId);
  }

  findHolder(userId: string, organisationId: string) {
    return this.prisma.user.findFirst({
      where: { id: userId, disabledAt: null, memberships: { some: { organisationId } } },
      select: { id: true, name: true, preferredLanguage: true },
    });
  }

  findById(id: string) {
    return this.prisma.certificate.findUnique({ where: { id }, include: withNames });
  }

  /**
   * The public check in one round trip (one indexed read and three primary-key joins): it is
   * the hottest query of the feature — every QR scan — so it does not go through includes.
   */
  async findVerificationByCode(code: string): Promise<VerificationRow | null> {
    const rows = await this.prisma.$queryRaw<VerificationRow[]>`
      SELECT c.code, c."holderName", c."issuedAt", c."expiresAt", c."revokedAt", t.names,
             o.name AS "organisationName", n.name AS "networkName", (h."erasedAt" IS NOT NULL) AS "holderErased"
        FROM "Certificate" c
        JOIN "User" h ON h.id = c."holderUserId"
        JOIN "CertificateType" t ON t.id = c."certificateTypeId"
        JOIN "Organisation" o ON o.id = c."organisationId"
        JOIN "Network" n ON n.id = c."networkId"
       WHERE c.code = ${code}`;
    return rows[0] ?? null;
  }

  async codesOfHolder(holderUserId: string): Promise<string[]> {
    const rows = await this.prisma.certificate.findMany({ where: { holderUserId }, select: { code: true } });
    return rows.map((r) => r.code);
  }

  /**
   * The holder's certificates as their list shows them ("My certificates"): one prepared SQL
   * statement with the names joined in. Prisma's query builder spent a fifth of this endpoint's
   * CPU compiling and mapping the same read (issue 18 profile).
   */
  viewsForHolder(holderUserId: string): Promise<CertificateViewSource[]> {
    return this.prisma.$queryRaw<CertificateViewSource[]>`
      SELECT c."id", c."code", c."certificateTypeId", c."holderUserId", c."holderName", c."organisationId", c."networkId",
             c."reason", c."issuedAt", c."expiresAt", c."revokedAt", c."revokedReason", c."pdfPath",
             json_build_object('names', t."names") AS "certificateType",
             json_build_object('name', o."name") AS "organisation",
             json_build_object('name', n."name") AS "network"
        FROM "Certificate" c
        JOIN "CertificateType" t ON t."id" = c."certificateTypeId"
        JOIN "Organisation" o ON o."id" = c."organisationId"
        JOIN "Network" n ON n."id" = c."networkId"
       WHERE c."holderUserId" = ${holderUserId}::uuid
       ORDER BY c."issuedAt" DESC`;
  }

  listForHolder(holderUserId: string) {
    return this.prisma.certificate.findMany({ where: { holderUserId }, include: withNames, orderBy: { issuedAt: 'desc' } });
  }

  listForOrganisation(organisationId: string) {
    return this.prisma.certificate.findMany({ where: { organisationId }, include: withNames, orderBy: { issuedAt: 'desc' }, take: 500 });
  }

  /**
   * Issues once per (holder, type, cycle). Locks serialise two issues for the same holder and
   * type (a duplicated job, a double click) and the network's status-list positions; the
   * unique key is the last line of defence. Returns the existing certificate when there is one.
   */
  /** `also` (the new certificate's PDF and reminder jobs) commits with the certificate. */
  async issue(data: NewCertificate, now: Date, also: AlsoInTransaction<StoredCertificate> = nothingElse): Promise<{ certificate: StoredCertificate; created: boolean }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certificate:${data.holderUserId}:${data.certificateTypeId}`}))`;
        const key = { holderUserId: data.holderUserId, certificateTypeId: data.certificateTypeId };
        if (data.cycle !== undefined) {
          const same = await tx.certificate.findUnique({ where: { holderUserId_certificateTypeId_cycle: { ...key, cycle: data.cycle } }, include: withNames });
          if (same) return { certificate: same, created: false };
        } else {
          const current = await tx.certificate.findFirst({
            where: { ...key, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
            include: withNames,
            orderBy: { cycle: 'desc' },
          });
          if (current) return { certificate: current, created: false };
        }
        const last = await tx.certificate.aggregate({ where: key, _max: { cycle: true } });
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`status-list:${data.networkId}`}))`;
        const lastIndex = await tx.certificate.aggregate({ where: { networkId: data.networkId }, _max: { statusListIndex: true } });
        const { cycle, ...rest } = data;
        const certificate = await tx.certificate.create({
          data: {
            ...rest,
            cycle: cycle ?? (last._max.cycle ?? 0) + 1,
            code: newVerificationCode(),
            issuedAt: now,
            statusListIndex: (lastIndex._max.statusListIndex ?? -1) + 1,
          },
          include: withNames,
        });
        await also(tx, certificate);
        return { certificate, created: true };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && data.cycle !== undefined) {
        const certificate = await this.prisma.certificate.findUniqueOrThrow({
          where: { holderUserId_certificateTypeId_cycle: { holderUserId: data.holderUserId, certificateTypeId: data.certificateTypeId, cycle: data.cycle } },
          include: withNames,
        });
        return { certificate, created: false };
      }
      throw error;
    }
  }

  setPdfPath(id: string, pdfPath: string) {
    return this.prisma.certificate.update({ where: { id }, data: { pdfPath } });
  }

  /** Marks a certificate revoked; false when it already was. */
  async revoke(id: string, revokedById: string, reason: string, now: Date): Promise<boolean> {
    const result = await this.prisma.certificate.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now, revokedById, revokedReason: reason },
    });
    return result.count === 1;
  }

  /** A certificate with what its expiry reminder needs (holder, type names). */
  forExpiryReminder(id: string) {
    return this.prisma.certificate.findUnique({
      where: { id },
      include: { holder: { select: { id: true, email: true, name: true, preferredLanguage: true, disabledAt: true } }, certificateType: { select: { names: true } } },
    });
  }

  /** Certificates of the same holder and type issued after `cycle` and not revoked (a renewal). */
  renewalsAfter(certificate: { holderUserId: string; certificateTypeId: string; cycle: number }) {
    return this.prisma.certificate.count({
      where: {
        holderUserId: certificate.holderUserId,
        certificateTypeId: certificate.certificateTypeId,
        cycle: { gt: certificate.cycle },
        revokedAt: null,
      },
    });
  }
}
