import { Injectable } from '@nestjs/common';
import type { Post, PostCreate, ThreadCreate, ThreadDetail } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DiscussionsRepository } from './discussions.repository.js';
import { GroupsRepository } from './groups.repository.js';
import { GroupsService, moderatorOf } from './groups.service.js';
import { LinkedObjectsRepository } from './linked-objects.repository.js';
import { renderMarkdown } from '../../common/text/markdown.js';

type ThreadRow = NonNullable<Awaited<ReturnType<DiscussionsRepository['findThread']>>>;

/** Threads, replies, @mentions, edits with history, reports and moderation. */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly repository: DiscussionsRepository,
    private readonly groups: GroupsService,
    private readonly groupsRepository: GroupsRepository,
    private readonly notifications: NotificationsService,
    private readonly linked: LinkedObjectsRepository,
  ) {}

  async listThreads(actor: Actor, groupId: string, q?: string) {
    const group = await this.groups.requireVisible(actor, groupId);
    const rows = await this.repository.listThreads(groupId, { includeHidden: moderatorOf(actor, group), q });
    const names = await this.names(rows.map((r) => r.authorId));
    return {
      items: rows.map((r) => ({
        id: r.id,
        groupId: r.groupId,
        title: r.title,
        authorName: names.get(r.authorId ?? '') ?? '',
        locked: r.lockedAt !== null,
        hidden: r.hiddenAt !== null,
        postCount: r._count.posts,
        lastPostAt: r.lastPostAt.toISOString(),
      })),
    };
  }

  async createThread(actor: Actor, groupId: string, input: ThreadCreate): Promise<ThreadDetail> {
    const group = await this.groups.requireVisible(actor, groupId);
    const mentions = await this.mentionable(group, input.mentions);
    const attachments = await this.attachable(actor, input.attachments);
    const data = { actor: actor.name, title: input.title, group: group.name };
    const followers = (await this.groupsRepository.followerIds(groupId)).filter((id) => !mentions.includes(id));
    // The thread and its notifications (with their mail jobs) commit together.
    const thread = await this.repository.createThread(
      { groupId, title: input.title, authorId: actor.userId, body: input.body, mentions, attachments },
      async (tx, created) => {
        const link = `/collaboration/threads/${created.id}`;
        await this.notifications.notify({ eventKey: `mention:${created.posts[0]!.id}`, kind: 'mention', recipients: mentions, data, link, actorId: actor.userId }, tx);
        await this.notifications.notify({ eventKey: `thread:${created.id}`, kind: 'newThread', recipients: followers, data, link, actorId: actor.userId }, tx);
      },
    );
    return this.getThread(actor, thread.id);
  }

  async getThread(actor: Actor, threadId: string): Promise<ThreadDetail> {
    const thread = await this.requireThread(actor, threadId);
    const moderator = moderatorOf(actor, thread.group);
    const mentionNames = await this.names(thread.posts.flatMap((p) => p.mentions));
    // Each reader sees an attached material only if the library would show it to them.
    const materials = await this.linked.materials(actor, [...new Set(thread.posts.flatMap((p) => p.attachments.map((a) => a.materialId)))]);
    const posts: Post[] = thread.posts.map((p) => {
      // Hidden text is withheld from everyone but moderators, who must see what they hid.
      const body = p.hiddenAt && !moderator ? '' : p.body;
      return {
        id: p.id,
        authorId: p.authorId,
        authorName: p.author?.name ?? '',
        hidden: p.hiddenAt !== null,
        bodyMarkdown: body,
        bodyHtml: body ? renderMarkdown(body) : '',
        mentions: p.mentions.map((id) => ({ id, name: mentionNames.get(id) ?? '' })),
        attachments: body
          ? p.attachments.map(({ materialId }) => {
              const material = materials.get(materialId);
              return { materialId, available: !!material, title: material?.title ?? null, kind: material?.kind ?? null };
            })
          : [],
        createdAt: p.createdAt.toISOString(),
        editedAt: p.editedAt?.toISOString() ?? null,
        revisionCount: p._count.revisions,
        reportCount: moderator ? p._count.reports : 0,
      };
    });
    return {
      id: thread.id,
      groupId: thread.groupId,
      title: thread.title,
      authorName: posts[0]?.authorName ?? '',
      locked: thread.lockedAt !== null,
      hidden: thread.hiddenAt !== null,
      postCount: thread._count.posts,
      lastPostAt: thread.lastPostAt.toISOString(),
      canModerate: moderator,
      posts,
    };
  }

  async reply(actor: Actor, threadId: string, input: PostCreate): Promise<ThreadDetail> {
    const thread = await this.requireThread(actor, threadId);
    if (thread.lockedAt) throw new AppError('THREAD_LOCKED', 'This discussion is locked.');
    const mentions = await this.mentionable(thread.group, input.mentions);
    const attachments = await this.attachable(actor, input.attachments);
    const data = { actor: actor.name, title: thread.title, group: thread.group.name };
    const link = `/collaboration/threads/${threadId}`;
    const participants = (await this.repository.participantIds(threadId)).filter((id) => !mentions.includes(id));
    // The reply and its notifications (with their mail jobs) commit together.
    await this.repository.createPost({ threadId, authorId: actor.userId, body: input.body, mentions, attachments }, async (tx, post) => {
      await this.notifications.notify({ eventKey: `mention:${post.id}`, kind: 'mention', recipients: mentions, data, link, actorId: actor.userId }, tx);
      await this.notifications.notify({ eventKey: `reply:${post.id}`, kind: 'reply', recipients: participants, data, link, actorId: actor.userId }, tx);
    });
    return this.getThread(actor, threadId);
  }

  /** Only the author edits a post; the earlier text is kept as a revision. */
  async editPost(actor: Actor, postId: string, body: string): Promise<ThreadDetail> {
    const post = await this.requirePost(actor, postId);
    if (post.authorId !== actor.userId) throw forbidden('Only the author can edit a post.');
    if (post.thread.lockedAt) throw new AppError('THREAD_LOCKED', 'This discussion is locked.');
    await this.repository.editPost(post, body, post.mentions);
    return this.getThread(actor, post.threadId);
  }

  async revisions(actor: Actor, postId: string) {
    const post = await this.requirePost(actor, postId);
    if (post.hiddenAt && !moderatorOf(actor, post.thread.group)) return { items: [] };
    const rows = await this.repository.revisions(postId);
    return {
      items: rows.map((r) => ({ bodyMarkdown: r.body, bodyHtml: renderMarkdown(r.body), createdAt: r.createdAt.toISOString() })),
    };
  }

  async report(actor: Actor, postId: string, reason: string): Promise<void> {
    await this.requirePost(actor, postId);
    await this.repository.report(postId, actor.userId, reason);
  }

  async moderatePost(actor: Actor, postId: string, hidden: boolean): Promise<ThreadDetail> {
    const post = await this.requirePost(actor, postId);
    if (!moderatorOf(actor, post.thread.group)) throw forbidden('Only the group’s coordinators moderate.');
    await this.repository.setPostHidden(postId, hidden);
    return this.getThread(actor, post.threadId);
  }

  async moderateThread(actor: Actor, threadId: string, change: { hidden?: boolean; locked?: boolean }): Promise<ThreadDetail> {
    const thread = await this.requireThread(actor, threadId);
    if (!moderatorOf(actor, thread.group)) throw forbidden('Only the group’s coordinators moderate.');
    await this.repository.moderateThread(threadId, change);
    return this.getThread(actor, threadId);
  }

  /** A thread in a group the actor sees; a hidden thread exists only for moderators. */
  private async requireThread(actor: Actor, threadId: string): Promise<ThreadRow> {
    const thread = await this.repository.findThread(actor, threadId);
    if (!thread || (thread.hiddenAt && !moderatorOf(actor, thread.group))) throw notFound('discussion');
    return thread;
  }

  private async requirePost(actor: Actor, postId: string) {
    const post = await this.repository.findPost(actor, postId);
    if (!post || (post.thread.hiddenAt && !moderatorOf(actor, post.thread.group))) throw notFound('post');
    return post;
  }

  /** Mentions count only for people who can see the group: nobody is told about what they cannot open. */
  private async mentionable(group: { id: string; networkId: string; audience: 'NETWORK' | 'ORGANISATIONS' }, ids: string[]) {
    if (ids.length === 0) return [];
    const members = new Set(await this.groupsRepository.visibleToAmong(group, [...new Set(ids)]));
    const unknown = ids.filter((id) => !members.has(id));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Only members of the group can be mentioned.', {
        fields: { mentions: [{ code: 'not_member', message: 'Not a member of this group.' }] },
      });
    }
    return [...new Set(ids)];
  }

  /** Authors attach only material they can see themselves; anything else does not exist for them (404). */
  private async attachable(actor: Actor, ids: string[]) {
    const unique = [...new Set(ids)];
    const visible = await this.linked.materials(actor, unique);
    if (unique.some((id) => !visible.has(id))) throw notFound('material');
    return unique;
  }

  private async names(ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const rows = wanted.length ? await this.repository.authorNames(wanted) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
