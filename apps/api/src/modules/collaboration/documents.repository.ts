import { Injectable } from '@nestjs/common';
import type { DocumentStatus } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { JointDocumentKind, Prisma } from '../../generated/prisma/client.js';
import { visibleWhere as visibleGroupsWhere } from './group-visibility.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

const documentInclude = {
  group: {
    select: {
      id: true,
      networkId: true,
      name: true,
      audience: true,
      organisations: { select: { organisationId: true } },
      coordinators: { select: { user: { select: { id: true } } } },
    },
  },
  ownerOrganisation: { select: { id: true, name: true, networkId: true } },
  versions: { orderBy: { language: 'asc' } },
  signatories: {
    include: { organisation: { select: { name: true, networkId: true } } },
    orderBy: { invitedAt: 'asc' },
  },
} satisfies Prisma.JointDocumentInclude;

export interface NewDocument {
  groupId: string;
  ownerOrganisationId: string;
  kind: JointDocumentKind;
  language: string;
  title: string;
  body: string;
  signatoryOrganisationIds: string[];
  authorId: string;
}

/** Whether a save landed, or the revision it was based on was already superseded. */
export type SaveOutcome = { saved: true; revision: number } | { saved: false };

/** The only place joint documents touch Prisma. Lookups by id go through the group's visibility. */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(actor: Actor, documentId: string) {
    return this.prisma.jointDocument.findFirst({
      where: { id: documentId, group: visibleGroupsWhere(actor) },
      include: documentInclude,
    });
  }

  listForGroup(groupId: string) {
    return this.prisma.jointDocument.findMany({
      where: { groupId },
      include: documentInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 200,
    });
  }

  organisationNames(ids: string[], db: Prisma.TransactionClient = this.prisma) {
    return db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  organisationsInNetwork(networkId: string, ids: string[]) {
    return this.prisma.organisation.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
  }

  /** Document, first language version, its first revision and the signatory list: all or nothing. */
  create(input: NewDocument) {
    return this.prisma.jointDocument.create({
      data: {
        groupId: input.groupId,
        ownerOrganisationId: input.ownerOrganisationId,
        kind: input.kind,
        createdById: input.authorId,
        versions: {
          create: [
            {
              language: input.language,
              title: input.title,
              body: input.body,
              revisions: { create: [{ revision: 1, title: input.title, body: input.body, authorId: input.authorId }] },
            },
          ],
        },
        signatories: { create: input.signatoryOrganisationIds.map((organisationId) => ({ organisationId })) },
      },
      select: { id: true },
    });
  }

  /**
   * Saves only if the version is still at `baseRevision` (compare-and-set in one UPDATE, so two
   * simultaneous saves from the same base cannot both win), and records the new revision.
   * `baseRevision` 0 adds a new language version, which fails if one appeared meanwhile.
   */
  save(documentId: string, language: string, change: { title: string; body: string; baseRevision: number; authorId: string }): Promise<SaveOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const revision = change.baseRevision + 1;
      let versionId: string;
      if (change.baseRevision === 0) {
        const created = await tx.jointDocumentVersion.createManyAndReturn({
          data: [{ documentId, language, title: change.title, body: change.body }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (created.length === 0) return { saved: false } as const;
        versionId = created[0]!.id;
      } else {
        const updated = await tx.jointDocumentVersion.updateManyAndReturn({
          where: { documentId, language, revision: change.baseRevision },
          data: { title: change.title, body: change.body, revision, updatedAt: new Date() },
          select: { id: true },
        });
        if (updated.length === 0) return { saved: false } as const;
        versionId = updated[0]!.id;
      }
      await tx.jointDocumentRevision.create({
        data: { versionId, revision, title: change.title, body: change.body, authorId: change.authorId },
      });
      return { saved: true, revision } as const;
    });
  }

  findVersion(documentId: string, language: string) {
    return this.prisma.jointDocumentVersion.findUnique({ where: { documentId_language: { documentId, language } } });
  }

  revisions(documentId: string, language: string) {
    return this.prisma.jointDocumentRevision.findMany({
      where: { version: { documentId, language } },
      include: { author: { select: { name: true } } },
      orderBy: { revision: 'asc' },
    });
  }

  revisionsByNumber(documentId: string, language: string, numbers: number[]) {
    return this.prisma.jointDocumentRevision.findMany({
      where: { version: { documentId, language }, revision: { in: numbers } },
      include: { author: { select: { name: true } } },
    });
  }

  /**
   * Moves the status only from the status the caller saw. Going back to review clears the
   * signatures: what was signed is about to change.
   */
  /** Moves the status if it is still `from`; `also` (its notifications) commits with the move. */
  async changeStatus(documentId: string, from: DocumentStatus, to: DocumentStatus, also: AlsoInTransaction = nothingElse): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.jointDocument.updateMany({
        where: { id: documentId, status: from },
        data: { status: to, statusChangedAt: new Date() },
      });
      if (moved.count === 0) return false;
      if (from === 'OPEN_FOR_SIGNATURE' && to === 'IN_REVIEW') {
        await tx.jointDocumentSignatory.updateMany({
          where: { documentId },
          data: { status: 'INVITED', decidedAt: null, decidedById: null, decidedByName: null },
        });
      }
      await also(tx);
      return true;
    });
  }

  /** Adds the organisations not yet invited; `also` gets those added, in the same transaction. */
  addSignatories(documentId: string, organisationIds: string[], also: AlsoInTransaction<{ organisationId: string }[]> = nothingElse) {
    return this.prisma.$transaction(async (tx) => {
      const added = await tx.jointDocumentSignatory.createManyAndReturn({
        data: organisationIds.map((organisationId) => ({ documentId, organisationId })),
        skipDuplicates: true,
      });
      await also(tx, added);
      return added;
    });
  }

  /** Records a decision only while the document is still open for signature. */
  async decide(
    documentId: string,
    organisationId: string,
    decision: { status: 'SIGNED' | 'DECLINED'; userId: string; userName: string },
    also: AlsoInTransaction = nothingElse,
  ) {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.jointDocumentSignatory.updateMany({
        where: { documentId, organisationId, document: { status: 'OPEN_FOR_SIGNATURE' } },
        data: { status: decision.status, decidedById: decision.userId, decidedByName: decision.userName, decidedAt: new Date() },
      });
      if (updated.count === 0) return false;
      await also(tx);
      return true;
    });
  }

  /** Leaders of organisations (who sign for them), for notifications. */
  leadersOf(organisationIds: string[], db: Prisma.TransactionClient = this.prisma) {
    return db.organisationMembership
      .findMany({ where: { organisationId: { in: organisationIds }, role: { in: LEADER_ROLES }, user: { disabledAt: null } }, select: { userId: true } })
      .then((rows) => rows.map((r) => r.userId));
  }
}
