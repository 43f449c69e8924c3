import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { visibleWhere as visibleGroupsWhere } from './group-visibility.js';

const groupForAccess = {
  select: { id: true, networkId: true, name: true, audience: true, coordinators: { select: { user: { select: { id: true } } } } },
} as const;

const postInclude = {
  author: { select: { id: true, name: true } },
  _count: { select: { revisions: true, reports: { where: { resolvedAt: null } } } },
  attachments: { select: { materialId: true }, orderBy: { position: 'asc' } },
} as const;

const attachmentRows = (materialIds: string[]) => ({
  create: materialIds.map((materialId, position) => ({ materialId, position })),
});

/** The only place discussions touch Prisma. Lookups by id go through the group's visibility. */
@Injectable()
export class DiscussionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  listThreads(groupId: string, options: { includeHidden: boolean; q?: string }) {
    return this.prisma.discussionThread.findMany({
      where: {
        groupId,
        ...(options.includeHidden ? {} : { hiddenAt: null }),
        ...(options.q ? { title: { contains: options.q, mode: 'insensitive' } } : {}),
      },
      include: { _count: { select: { posts: true } } },
      orderBy: [{ lastPostAt: 'desc' }, { id: 'asc' }],
      take: 200,
    });
  }

  findThread(actor: Actor, threadId: string) {
    return this.prisma.discussionThread.findFirst({
      where: { id: threadId, group: visibleGroupsWhere(actor) },
      include: {
        group: groupForAccess,
        posts: { include: postInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        _count: { select: { posts: true } },
      },
    });
  }

  findPost(actor: Actor, postId: string) {
    return this.prisma.discussionPost.findFirst({
      where: { id: postId, thread: { group: visibleGroupsWhere(actor) } },
      include: { thread: { include: { group: groupForAccess } } },
    });
  }

  authorNames(ids: string[]) {
    return this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  /**
   * Thread and first post in one transaction: never a thread without its opening post; `also`
   * writes its notifications (and their mail jobs) in the same transaction.
   */
  createThread(
    input: { groupId: string; title: string; authorId: string; body: string; mentions: string[]; attachments: string[] },
    also: AlsoInTransaction<{ id: string; posts: { id: string }[] }> = nothingElse,
  ) {
    return this.prisma.$transaction(async (tx) => {
      const thread = await tx.discussionThread.create({
      data: {
        groupId: input.groupId,
        title: input.title,
        authorId: input.authorId,
        posts: {
          create: [{ authorId: input.authorId, body: input.body, mentions: input.mentions, attachments: attachmentRows(input.attachments) }],
        },
      },
      include: { posts: { select: { id: true } } },
      });
      await also(tx, thread);
      return thread;
    });
  }

  /** The post, the thread's last activity and, through `also`, its notifications: all or nothing. */
  createPost(
    input: { threadId: string; authorId: string; body: string; mentions: string[]; attachments: string[] },
    also: AlsoInTransaction<{ id: string }> = nothingElse,
  ) {
    const { attachments, ...fields } = input;
    return this.prisma.$transaction(async (tx) => {
      const post = await tx.discussionPost.create({
        data: { ...fields, attachments: attachmentRows(attachments) },
        select: { id: true, createdAt: true },
      });
      await tx.discussionThread.update({ where: { id: input.threadId }, data: { lastPostAt: post.createdAt } });
      await also(tx, post);
      return post;
    });
  }

  /** Keeps the earlier body as a revision, then saves the new one, both or neither. */
  editPost(post: { id: string; body: string; editedAt: Date | null; createdAt: Date }, body: string, mentions: string[]) {
    return this.prisma.$transaction([
      this.prisma.discussionPostRevision.create({
        data: { postId: post.id, body: post.body, createdAt: post.editedAt ?? post.createdAt },
      }),
      this.prisma.discussionPost.update({ where: { id: post.id }, data: { body, mentions, editedAt: new Date() } }),
    ]);
  }

  revisions(postId: string) {
    return this.prisma.discussionPostRevision.findMany({ where: { postId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async report(postId: string, reporterId: string, reason: string) {
    await this.prisma.discussionReport.upsert({
      where: { postId_reporterId: { postId, reporterId } },
      create: { postId, reporterId, reason },
      update: { reason, resolvedAt: null },
    });
  }

  /** Hiding a post also resolves its open reports: the moderator has acted on them. */
  async setPostHidden(postId: string, hidden: boolean) {
    const now = new Date();
    await this.prisma.$transaction([
      this.prisma.discussionPost.update({ where: { id: postId }, data: { hiddenAt: hidden ? now : null } }),
      this.prisma.discussionReport.updateMany({ where: { postId, resolvedAt: null }, data: { resolvedAt: now } }),
    ]);
  }

  async moderateThread(threadId: string, change: { hidden?: boolean; locked?: boolean }) {
    const now = new Date();
    await this.prisma.discussionThread.update({
      where: { id: threadId },
      data: {
        ...(change.hidden === undefined ? {} : { hiddenAt: change.hidden ? now : null }),
        ...(change.locked === undefined ? {} : { lockedAt: change.locked ? now : null }),
      },
    });
  }

  participantIds(threadId: string) {
    return this.prisma.discussionPost
      .findMany({ where: { threadId, authorId: { not: null } }, select: { authorId: true }, distinct: ['authorId'] })
      .then((rows) => rows.map((r) => r.authorId!));
  }
}
