import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { rolesHolding } from '../../common/auth/roles.js';

/** What an erased account is called wherever its posts, comments and files are still shown. */
export const ERASED_NAME = 'Erased person';

/**
 * The only place the personal-data feature touches Prisma. The export reads one person's rows
 * across features here, in one list, so that a new table holding personal data is added to the
 * export (and to the erasure below) in one place.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  // ---- exports ----

  /** The export row and, through `also`, its build job: all or nothing. */
  createExport(userId: string, also: AlsoInTransaction<{ id: string }>) {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.personalDataExport.create({ data: { userId } });
      await also(tx, created);
      return created;
    });
  }

  findPendingExport(userId: string) {
    return this.prisma.personalDataExport.findFirst({ where: { userId, status: 'PENDING' } });
  }

  listExports(userId: string) {
    return this.prisma.personalDataExport.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 10 });
  }

  findExport(id: string) {
    return this.prisma.personalDataExport.findUnique({ where: { id } });
  }

  /** Marks a pending export ready; `also` (the person's notice) commits with it. */
  async markExportReady(id: string, sizeBytes: number, readyAt: Date, expiresAt: Date, also: AlsoInTransaction): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const result = await tx.personalDataExport.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'READY', sizeBytes: BigInt(sizeBytes), readyAt, expiresAt },
      });
      if (result.count !== 1) return false;
      await also(tx);
      return true;
    });
  }

  async markExportFailed(id: string): Promise<void> {
    await this.prisma.personalDataExport.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED' } });
  }

  /** Exports past their download window: one person's, or anyone's (the hourly cleanup, in batches). */
  expiredExports(userId: string | null, now: Date) {
    return this.prisma.personalDataExport.findMany({
      where: { ...(userId ? { userId } : {}), expiresAt: { lte: now } },
      select: { id: true },
      take: 500,
    });
  }

  async deleteExports(ids: string[]): Promise<void> {
    await this.prisma.personalDataExport.deleteMany({ where: { id: { in: ids } } });
  }

  /** Everything the person has given or generated, by subject (each becomes a JSON file). */
  async dataOf(userId: string) {
    const p = this.prisma;
    const user = await p.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, phone: true, username: true, name: true, preferredLanguage: true, timeZone: true, createdAt: true, updatedAt: true },
    });
    return {
      profile: { ...user, notificationPreference: await p.notificationPreference.findUnique({ where: { userId } }) },
      memberships: {
        organisations: await p.organisationMembership.findMany({
          where: { userId },
          select: { role: true, createdAt: true, organisation: { select: { id: true, name: true, network: { select: { name: true } } } } },
        }),
        networks: await p.networkMembership.findMany({ where: { userId }, select: { role: true, createdAt: true, network: { select: { id: true, name: true } } } }),
        workingGroupsFollowed: await p.workingGroupFollower.findMany({ where: { userId }, select: { group: { select: { id: true, name: true } } } }),
      },
      learning: {
        enrolments: await p.courseEnrolment.findMany({
          where: { userId },
          include: { course: { select: { titles: true } }, lessons: true, attempts: true, signOffs: true },
          orderBy: { enrolledAt: 'asc' },
        }),
      },
      posts: {
        threadsStarted: await p.discussionThread.findMany({ where: { authorId: userId }, select: { id: true, title: true, createdAt: true, groupId: true } }),
        posts: await p.discussionPost.findMany({
          where: { authorId: userId },
          select: { id: true, body: true, createdAt: true, editedAt: true, thread: { select: { id: true, title: true } } },
          orderBy: { createdAt: 'asc' },
        }),
      },
      comments: await p.jointDocumentComment.findMany({
        where: { authorId: userId },
        select: { id: true, language: true, quote: true, body: true, state: true, createdAt: true, document: { select: { id: true } } },
        orderBy: { createdAt: 'asc' },
      }),
      meetings: {
        registrations: await p.meetingRegistration.findMany({ where: { userId }, include: { meeting: { select: { title: true, startsAt: true } } } }),
        pollAnswers: await p.meetingPollAnswer.findMany({ where: { userId }, include: { slot: { select: { meetingId: true, startsAt: true } } } }),
        attendance: await p.meetingAttendance.findMany({ where: { userId }, select: { meetingId: true, status: true, recordedAt: true } }),
      },
      // Without their data: it names other people (who replied, who commented).
      notifications: await p.notification.findMany({ where: { userId }, select: { kind: true, link: true, createdAt: true, readAt: true } }),
      sessions: await p.session.findMany({ where: { userId }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, userAgent: true, ip: true } }),
      // Self-declared gender and age band (issue 19), with when and to what they consented.
      demographics: await p.personDemographics.findUnique({
        where: { userId },
        select: { gender: true, ageBand: true, consentedAt: true, consentVersion: true, updatedAt: true },
      }),
    };
  }

  /** Files the person uploaded (library file versions), with where they are stored. */
  uploadedFiles(userId: string) {
    return this.prisma.materialFile.findMany({
      where: { uploadedById: userId },
      select: {
        id: true,
        originalName: true,
        mimeType: true,
        sizeBytes: true,
        storageKey: true,
        status: true,
        createdAt: true,
        translation: { select: { materialId: true, language: true, title: true } },
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  // ---- erasure ----

  findPendingErasure(userId: string) {
    return this.prisma.erasureRequest.findFirst({ where: { userId, status: 'PENDING' } });
  }

  latestErasure(userId: string) {
    return this.prisma.erasureRequest.findFirst({ where: { userId }, orderBy: { requestedAt: 'desc' } });
  }

  /** The request and, through `also`, its confirmers' notifications: all or nothing. */
  createErasure(userId: string, also: AlsoInTransaction<{ id: string }>) {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.erasureRequest.create({ data: { userId } });
      await also(tx, created);
      return created;
    });
  }

  async cancelErasure(userId: string): Promise<boolean> {
    const result = await this.prisma.erasureRequest.updateMany({ where: { userId, status: 'PENDING' }, data: { status: 'CANCELLED', decidedAt: new Date() } });
    return result.count > 0;
  }

  findErasure(id: string) {
    return this.prisma.erasureRequest.findUnique({
      where: { id },
      include: {
        user: {
          select: {
            id: true,
            memberships: { select: { organisationId: true, organisation: { select: { networkId: true } } } },
            networkRoles: { select: { networkId: true } },
          },
        },
      },
    });
  }

  /** Pending requests of the members of these organisations. */
  pendingErasuresOf(organisationIds: string[]) {
    return this.prisma.erasureRequest.findMany({
      where: { status: 'PENDING', user: { memberships: { some: { organisationId: { in: organisationIds } } } } },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { requestedAt: 'asc' },
    });
  }

  /** Leaders of the person's organisations, and coordinators of their networks: who may confirm. */
  async confirmersOf(userId: string): Promise<string[]> {
    const memberships = await this.prisma.organisationMembership.findMany({ where: { userId }, select: { organisationId: true, organisation: { select: { networkId: true } } } });
    const leaders = await this.prisma.organisationMembership.findMany({
      where: { organisationId: { in: memberships.map((m) => m.organisationId) }, role: { in: rolesHolding('members.confirmErasure') }, userId: { not: userId } },
      select: { userId: true },
    });
    const ownNetworks = await this.prisma.networkMembership.findMany({ where: { userId }, select: { networkId: true } });
    const networkIds = [...memberships.map((m) => m.organisation.networkId), ...ownNetworks.map((n) => n.networkId)];
    const coordinators = await this.prisma.networkMembership.findMany({
      where: { networkId: { in: networkIds }, role: { in: rolesHolding('members.confirmErasure') }, userId: { not: userId } },
      select: { userId: true },
    });
    return [...new Set([...leaders, ...coordinators].map((m) => m.userId))];
  }

  /**
   * Erases the account in one transaction (see the README's policy): identity replaced,
   * sign-in impossible, memberships and personal settings gone; posts, comments, uploads,
   * learning records and certificates stay, attached to the anonymous account.
   * Answers the storage keys of the person's data exports, for the caller to delete.
   */
  /** Erases in one transaction; `also` gets the export files to remove (their job) in it. */
  async erase(requestId: string, userId: string, confirmedById: string, now: Date, also: AlsoInTransaction<string[]>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.erasureRequest.updateMany({
        where: { id: requestId, status: 'PENDING' },
        data: { status: 'COMPLETED', decidedAt: now, confirmedById },
      });
      if (claimed.count !== 1) return false;
      const former = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
      const formerName = former.name;
      // Where the address is kept beside the account rather than on it: the invitation it came
      // with, audit details of sign-in attempts and invitations, the sign-in back-off counters.
      // (People signed up by a leader with a phone or username only have no address.)
      if (former.email) {
        await tx.invitation.deleteMany({ where: { email: { equals: former.email, mode: 'insensitive' } } });
        await tx.$executeRaw`
          UPDATE "AuditEvent" SET details = details - 'email' WHERE lower(details->>'email') = lower(${former.email})`;
        await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE strpos(lower(key), lower(${former.email})) > 0`;
      }
      // What a person typed to sign in (e-mail, phone or username) is kept in the audit of the attempt.
      await tx.$executeRaw`UPDATE "AuditEvent" SET details = details - 'identifier' - 'email' WHERE "subjectUserId" = ${userId}::uuid`;
      if (former.email) {
        await tx.$executeRaw`
          UPDATE "AuditEvent" SET details = details - 'identifier' WHERE lower(details->>'identifier') = lower(${former.email})`;
      }
      // Back-off counters of a known account are kept under its id.
      await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE strpos(key, ${userId}) > 0`;
      // Notifications of other people name whoever acted; they carry names, not ids.
      await tx.$executeRaw`
        UPDATE "Notification" SET data = jsonb_set(data, '{actor}', to_jsonb(${ERASED_NAME}::text))
         WHERE data->>'actor' = ${formerName}`;
      await tx.user.update({
        where: { id: userId },
        data: {
          name: ERASED_NAME,
          // .invalid never resolves (RFC 2606): nothing is ever mailed there, and it stays unique.
          email: `erased-${randomUUID()}@erased.invalid`,
          phone: null,
          username: null,
          passwordHash: null,
          preferredLanguage: 'en',
          timeZone: 'UTC',
          isPlatformAdmin: false,
          disabledAt: now,
          erasedAt: now,
        },
      });
      await tx.session.deleteMany({ where: { userId } });
      await tx.passwordReset.deleteMany({ where: { userId } });
      await tx.calendarFeedToken.deleteMany({ where: { userId } });
      await tx.organisationMembership.deleteMany({ where: { userId } });
      await tx.networkMembership.deleteMany({ where: { userId } });
      await tx.workingGroupFollower.deleteMany({ where: { userId } });
      await tx.workingGroupCoordinator.deleteMany({ where: { userId } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.notificationPreference.deleteMany({ where: { userId } });
      await tx.meetingPollAnswer.deleteMany({ where: { userId } });
      // Self-declared gender and age band: reports must not count an erased person.
      await tx.personDemographics.deleteMany({ where: { userId } });
      // Audit entries keep the account id (who did what stays accountable) but lose the address.
      await tx.auditEvent.updateMany({ where: { OR: [{ actorId: userId }, { subjectUserId: userId }] }, data: { ip: null } });
      const exports = await tx.personalDataExport.findMany({ where: { userId }, select: { id: true } });
      await tx.personalDataExport.deleteMany({ where: { userId } });
      await tx.erasureRequest.updateMany({ where: { userId, status: 'PENDING', id: { not: requestId } }, data: { status: 'CANCELLED', decidedAt: now } });
      await also(tx, exports.map((e) => exportStorageKey(e.id)));
      return true;
    });
  }
}

export const exportStorageKey = (exportId: string) => `personal-data-exports/${exportId}`;
