import { Injectable } from '@nestjs/common';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';

/** The only place comments on passages touch Prisma; callers have checked the document's visibility. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(documentId: string) {
    return this.prisma.jointDocumentComment.findMany({
      where: { documentId },
      include: { author: { select: { name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
  }

  /** The comment and, through `also`, its notifications: all or nothing. */
  create(input: { documentId: string; language: string; quote: string; body: string; authorId: string }, also: AlsoInTransaction<{ id: string }>) {
    return this.prisma.$transaction(async (tx) => {
      const comment = await tx.jointDocumentComment.create({ data: input, select: { id: true } });
      await also(tx, comment);
      return comment;
    });
  }

  /** A comment of this document (never another's, whatever id is sent), or null. */
  find(documentId: string, commentId: string) {
    return this.prisma.jointDocumentComment.findFirst({ where: { id: commentId, documentId } });
  }

  async decide(commentId: string, state: 'OPEN' | 'ACCEPTED' | 'RESOLVED', userId: string) {
    await this.prisma.jointDocumentComment.update({
      where: { id: commentId },
      data: state === 'OPEN' ? { state, decidedById: null, decidedAt: null } : { state, decidedById: userId, decidedAt: new Date() },
    });
  }

  memberIdsOf(organisationId: string) {
    return this.prisma.organisationMembership
      .findMany({ where: { organisationId, user: { disabledAt: null } }, select: { userId: true } })
      .then((rows) => rows.map((r) => r.userId));
  }

  commenterIds(documentId: string) {
    return this.prisma.jointDocumentComment
      .findMany({ where: { documentId, authorId: { not: null } }, select: { authorId: true }, distinct: ['authorId'] })
      .then((rows) => rows.map((r) => r.authorId!));
  }
}
