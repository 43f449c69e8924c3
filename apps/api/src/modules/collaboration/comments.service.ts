import { Injectable } from '@nestjs/common';
import type { CommentCreate, Language } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { canChangeStatus } from './document-access.js';
import { DocumentChanges } from './document-changes.js';
import { CommentsRepository } from './comments.repository.js';
import { DocumentsService, titleOf, type DocumentRow } from './documents.service.js';
import { GroupsRepository } from './groups.repository.js';
import { renderMarkdown } from '../../common/text/markdown.js';

/** Members comment on passages of a joint document; the owner's leaders accept or resolve them. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly documents: DocumentsService,
    private readonly groups: GroupsRepository,
    private readonly notifications: NotificationsService,
    private readonly changes: DocumentChanges,
  ) {}

  async list(actor: Actor, documentId: string) {
    const doc = await this.documents.require(actor, documentId);
    const rows = await this.repository.list(documentId);
    return {
      canDecide: canChangeStatus(actor, doc),
      items: rows.map((c) => ({
        id: c.id,
        language: c.language as Language,
        quote: c.quote,
        bodyMarkdown: c.body,
        bodyHtml: renderMarkdown(c.body),
        authorName: c.author?.name ?? '',
        state: c.state,
        createdAt: c.createdAt.toISOString(),
        decidedAt: c.decidedAt?.toISOString() ?? null,
      })),
    };
  }

  async create(actor: Actor, documentId: string, input: CommentCreate) {
    const doc = await this.documents.require(actor, documentId);
    if (!doc.versions.some((v) => v.language === input.language)) throw notFound('language version');
    const notify = await this.commentNotifier(actor, doc);
    await this.repository.create({ documentId, language: input.language, quote: input.quote, body: input.body, authorId: actor.userId }, notify);
    await this.changes.changed(documentId, 'comments');
    return this.list(actor, documentId);
  }

  /**
   * The owner organisation's members and everyone who commented before hear of a new comment.
   * One event per comment: someone who is both hears once (the notification key is the comment).
   * Earlier commenters who can no longer see the group are not told. The recipients are read
   * first; the notifications are written in the comment's transaction.
   */
  private async commentNotifier(actor: Actor, doc: DocumentRow): Promise<AlsoInTransaction<{ id: string }>> {
    const [members, commenters] = await Promise.all([
      this.repository.memberIdsOf(doc.ownerOrganisationId),
      this.repository.commenterIds(doc.id),
    ]);
    const stillInGroup = commenters.length ? await this.groups.visibleToAmong(doc.group, commenters) : [];
    return (tx, { id: commentId }) => this.notifications.notify({
      eventKey: `document-comment:${commentId}`,
      kind: 'documentComment',
      recipients: [...members, ...stillInGroup],
      data: { actor: actor.name, title: titleOf(doc, actor.preferredLanguage), group: doc.group.name },
      link: `/collaboration/documents/${doc.id}`,
      actorId: actor.userId,
    }, tx);
  }

  async decide(actor: Actor, documentId: string, commentId: string, state: 'OPEN' | 'ACCEPTED' | 'RESOLVED') {
    const doc = await this.documents.require(actor, documentId);
    const comment = await this.repository.find(documentId, commentId);
    if (!comment) throw notFound('comment');
    if (!canChangeStatus(actor, doc)) throw forbidden('Only the owner organisation’s leaders accept or resolve comments.');
    await this.repository.decide(commentId, state, actor.userId);
    await this.changes.changed(documentId, 'comments');
    return this.list(actor, documentId);
  }
}
