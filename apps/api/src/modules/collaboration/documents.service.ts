import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_TRANSITIONS,
  EDITABLE_STATUSES,
  type DocumentCreate,
  type DocumentDetail,
  type DocumentStatus,
  type DocumentSummary,
  type Language,
  type SaveConflictDetails,
  type VersionSave,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { canChangeStatus as canChangeDocumentStatus, canEdit as canEditDocument, organisationsActorSignsFor } from './document-access.js';
import { DocumentChanges } from './document-changes.js';
import { wordDiff } from './document-diff.js';
import { DocumentsRepository } from './documents.repository.js';
import { GroupsService } from './groups.service.js';
import { renderMarkdown } from '../../common/text/markdown.js';

export type DocumentRow = NonNullable<Awaited<ReturnType<DocumentsRepository['find']>>>;

/** Joint documents: creation, language versions, revisions and diffs, the status life cycle. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly groups: GroupsService,
    private readonly notifications: NotificationsService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly changes: DocumentChanges,
  ) {}

  async list(actor: Actor, groupId: string) {
    await this.groups.requireVisible(actor, groupId);
    const rows = await this.repository.listForGroup(groupId);
    return { items: rows.map((row) => toSummary(actor, row)) };
  }

  async create(actor: Actor, groupId: string, input: DocumentCreate): Promise<DocumentDetail> {
    const group = await this.groups.requireVisible(actor, groupId);
    // Everyone involved must be able to see the group: its organisations, or its network.
    const allowed = (ids: string[]) =>
      group.audience === 'ORGANISATIONS'
        ? Promise.resolve(ids.filter((id) => group.organisations.some((o) => o.organisation.id === id)))
        : this.repository.organisationsInNetwork(group.networkId, ids).then((rows) => rows.map((r) => r.id));
    const signatories = [...new Set([input.ownerOrganisationId, ...input.signatoryOrganisationIds])];
    if ((await allowed(signatories)).length !== signatories.length) throw notFound('organisation');
    // The owner's own leaders (or the network's coordinators) start a document in its name.
    const owner = { id: input.ownerOrganisationId, networkId: group.networkId };
    if (!this.access.holdsForOrganisation(actor, 'documents.edit', owner)) {
      throw forbidden('Only the owner organisation’s leaders start its documents.');
    }
    const { id } = await this.repository.create({ ...input, groupId, signatoryOrganisationIds: signatories, authorId: actor.userId });
    return this.get(actor, id);
  }

  async get(actor: Actor, documentId: string): Promise<DocumentDetail> {
    return toDetail(actor, await this.require(actor, documentId));
  }

  /** A document in a group the actor sees, or 404. */
  async require(actor: Actor, documentId: string): Promise<DocumentRow> {
    const doc = await this.repository.find(actor, documentId);
    if (!doc) throw notFound('document');
    return doc;
  }

  /**
   * Optimistic concurrency: the save names the revision it was based on. If someone saved in
   * between, nothing is overwritten; the answer is 409 CONFLICT with their text and a diff
   * of their change, for the editor to merge by hand.
   */
  async saveVersion(actor: Actor, documentId: string, language: Language, input: VersionSave): Promise<DocumentDetail> {
    const doc = await this.require(actor, documentId);
    if (!canEditDocument(actor, doc)) throw forbidden('Only the organisations drafting this document edit it.');
    if (!EDITABLE_STATUSES.includes(doc.status)) {
      throw new AppError('DOCUMENT_NOT_EDITABLE', 'The text is frozen while signatures are collected or after publication.');
    }
    if (input.baseRevision > 0 && !doc.versions.some((v) => v.language === language)) throw notFound('language version');
    const outcome = await this.repository.save(documentId, language, { ...input, authorId: actor.userId });
    if (!outcome.saved) throw await this.conflict(documentId, language, input.baseRevision);
    await this.changes.changed(documentId, 'text');
    return this.get(actor, documentId);
  }

  private async conflict(documentId: string, language: string, baseRevision: number): Promise<AppError> {
    const current = await this.repository.findVersion(documentId, language);
    if (!current) return notFound('language version');
    const [base, latest] = await Promise.all([
      this.repository.revisionsByNumber(documentId, language, [baseRevision]).then((r) => r[0]),
      this.repository.revisionsByNumber(documentId, language, [current.revision]).then((r) => r[0]),
    ]);
    const details: SaveConflictDetails = {
      currentRevision: current.revision,
      current: {
        title: current.title,
        body: current.body,
        authorName: latest?.author?.name ?? '',
        savedAt: current.updatedAt.toISOString(),
      },
      theirChanges: wordDiff(base?.body ?? '', current.body),
    };
    return new AppError('CONFLICT', 'Someone saved this text after you opened it. Nothing was overwritten.', details);
  }

  async revisions(actor: Actor, documentId: string, language: Language) {
    await this.require(actor, documentId);
    const rows = await this.repository.revisions(documentId, language);
    if (rows.length === 0) throw notFound('language version');
    return {
      items: rows.map((r) => ({ revision: r.revision, authorName: r.author?.name ?? '', createdAt: r.createdAt.toISOString() })),
    };
  }

  async diff(actor: Actor, documentId: string, language: Language, from: number, to: number) {
    await this.require(actor, documentId);
    const rows = await this.repository.revisionsByNumber(documentId, language, [from, to]);
    const a = rows.find((r) => r.revision === from);
    const b = rows.find((r) => r.revision === to);
    if (!a || !b) throw notFound('revision');
    return { from, to, title: wordDiff(a.title, b.title), body: wordDiff(a.body, b.body) };
  }

  async changeStatus(actor: Actor, documentId: string, to: DocumentStatus): Promise<DocumentDetail> {
    const doc = await this.require(actor, documentId);
    if (!canChangeDocumentStatus(actor, doc)) throw forbidden('Only the owner organisation’s leaders change the status.');
    const from = doc.status;
    if (!DOCUMENT_TRANSITIONS[from].includes(to)) {
      throw new AppError('INVALID_STATUS_TRANSITION', `A document cannot go from ${from} to ${to}.`, {
        from,
        to,
        allowed: DOCUMENT_TRANSITIONS[from],
      });
    }
    if (to === 'PUBLISHED' && !doc.signatories.some((s) => s.status === 'SIGNED')) {
      throw new AppError('INVALID_STATUS_TRANSITION', 'A document is published with at least one signature.', { from, to, reason: 'noSignature' });
    }
    const title = titleOf(doc, actor.preferredLanguage);
    // One event per transition (the compare-and-set below lets only one request make it).
    const event = `${documentId}:${from}->${to}:${Date.now()}`;
    const link = `/collaboration/documents/${documentId}`;
    // The new status and its notifications (with their mail jobs) commit together.
    const moved = await this.repository.changeStatus(documentId, from, to, async (tx) => {
      const involved = await this.repository.leadersOf(doc.signatories.map((s) => s.organisationId), tx);
      await this.notifications.notify(
        { eventKey: `document-status:${event}`, kind: 'documentStatus', recipients: involved, data: { actor: actor.name, title, status: to }, link, actorId: actor.userId },
        tx,
      );
      if (to !== 'OPEN_FOR_SIGNATURE') return;
      for (const s of doc.signatories) {
        await this.notifications.notify({
          eventKey: `signature-requested:${event}:${s.organisationId}`,
          kind: 'signatureRequested',
          recipients: await this.repository.leadersOf([s.organisationId], tx),
          data: { actor: actor.name, title, organisation: s.organisation.name },
          link,
          actorId: actor.userId,
        }, tx);
      }
    });
    if (!moved) throw new AppError('CONFLICT', 'The status changed meanwhile; reload the document.');
    await this.changes.changed(documentId, 'status');
    await this.audit.record({
      action: 'document.status_changed',
      actorId: actor.userId,
      organisationId: doc.ownerOrganisationId,
      networkId: doc.group.networkId,
      details: { documentId, from, to },
    });
    return this.get(actor, documentId);
  }
}

/** The title in the reader's language when that version exists, else in the first one. */
export function titleOf(doc: Pick<DocumentRow, 'versions'>, language: string): string {
  return shownVersion(doc, language)?.title ?? '';
}

function shownVersion(doc: Pick<DocumentRow, 'versions'>, language: string) {
  return doc.versions.find((v) => v.language === language) ?? doc.versions[0];
}

function toSummary(actor: Actor, doc: DocumentRow): DocumentSummary {
  return {
    id: doc.id,
    groupId: doc.groupId,
    kind: doc.kind,
    status: doc.status,
    title: titleOf(doc, actor.preferredLanguage),
    titleLanguage: (shownVersion(doc, actor.preferredLanguage)?.language ?? actor.preferredLanguage) as Language,
    ownerOrganisationName: doc.ownerOrganisation.name,
    languages: doc.versions.map((v) => v.language as Language),
    signedCount: doc.signatories.filter((s) => s.status === 'SIGNED').length,
  };
}

export function toDetail(actor: Actor, doc: DocumentRow): DocumentDetail {
  const canChangeStatus = canChangeDocumentStatus(actor, doc);
  return {
    ...toSummary(actor, doc),
    ownerOrganisationId: doc.ownerOrganisationId,
    versions: doc.versions.map((v) => ({
      language: v.language as Language,
      title: v.title,
      bodyMarkdown: v.body,
      bodyHtml: renderMarkdown(v.body),
      revision: v.revision,
      updatedAt: v.updatedAt.toISOString(),
    })),
    signatories: doc.signatories.map((s) => ({
      organisationId: s.organisationId,
      organisationName: s.organisation.name,
      status: s.status,
      decidedByName: s.decidedByName,
      decidedAt: s.decidedAt?.toISOString() ?? null,
    })),
    canEdit: EDITABLE_STATUSES.includes(doc.status) && canEditDocument(actor, doc),
    canChangeStatus,
    canSignFor: doc.status === 'OPEN_FOR_SIGNATURE' ? organisationsActorSignsFor(actor, doc) : [],
    allowedTransitions: canChangeStatus ? [...DOCUMENT_TRANSITIONS[doc.status]] : [],
  };
}
