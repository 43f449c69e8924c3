import { Injectable } from '@nestjs/common';
import type { CommentCreate, Language } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { mayChangeStatus } from './document-access.js';
import { CommentsRepository } from './comments.repository.js';
import { DocumentsService } from './documents.service.js';
import { renderMarkdown } from './markdown.js';

/** Members comment on passages of a joint document; the owner's leaders accept or resolve them. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly documents: DocumentsService,
  ) {}

  async list(actor: Actor, documentId: string) {
    const doc = await this.documents.require(actor, documentId);
    const rows = await this.repository.list(documentId);
    return {
      canDecide: mayChangeStatus(actor, doc),
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
    await this.repository.create({ documentId, language: input.language, quote: input.quote, body: input.body, authorId: actor.userId });
    return this.list(actor, documentId);
  }

  async decide(actor: Actor, documentId: string, commentId: string, state: 'OPEN' | 'ACCEPTED' | 'RESOLVED') {
    const doc = await this.documents.require(actor, documentId);
    const comment = await this.repository.find(documentId, commentId);
    if (!comment) throw notFound('comment');
    if (!mayChangeStatus(actor, doc)) throw forbidden('Only the owner organisation’s leaders accept or resolve comments.');
    await this.repository.decide(commentId, state, actor.userId);
    return this.list(actor, documentId);
  }
}
