import { Injectable } from '@nestjs/common';
import { directionOf, type DocumentDetail, type Language } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { fileNameStem } from '../../common/http/file-name.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { canChangeStatus, organisationsActorSignsFor } from './document-access.js';
import { DocumentChanges } from './document-changes.js';
import { renderDocumentPdf } from './document-pdf.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService, titleOf } from './documents.service.js';
import { formatPdfDate, PDF_LABELS } from './pdf-labels.js';

/** Who is invited to sign, signing and declining, and the signed text as PDF. */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly repository: DocumentsRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly changes: DocumentChanges,
  ) {}

  async invite(actor: Actor, documentId: string, organisationIds: string[]): Promise<DocumentDetail> {
    const doc = await this.documents.require(actor, documentId);
    if (!canChangeStatus(actor, doc)) throw forbidden('Only the owner organisation’s leaders invite signatories.');
    if (doc.status === 'PUBLISHED' || doc.status === 'ARCHIVED') throw new AppError('SIGNATURE_CLOSED', 'Signatures are closed.');
    const ids = [...new Set(organisationIds)];
    const allowed =
      doc.group.audience === 'ORGANISATIONS'
        ? ids.filter((id) => doc.group.organisations.some((o) => o.organisationId === id))
        : (await this.repository.organisationsInNetwork(doc.group.networkId, ids)).map((o) => o.id);
    if (allowed.length !== ids.length) throw notFound('organisation');
    // The invitations and, while the document is open for signature, the invited leaders'
    // notifications (with their mail jobs) commit together.
    const added = await this.repository.addSignatories(documentId, ids, async (tx, invited) => {
      if (doc.status !== 'OPEN_FOR_SIGNATURE' || invited.length === 0) return;
      const names = new Map((await this.repository.organisationNames(invited.map((s) => s.organisationId), tx)).map((o) => [o.id, o.name]));
      for (const s of invited) {
        await this.notifications.notify({
          eventKey: `signature-invited:${documentId}:${s.organisationId}`,
          kind: 'signatureRequested',
          recipients: await this.repository.leadersOf([s.organisationId], tx),
          data: { actor: actor.name, title: titleOf(doc, actor.preferredLanguage), organisation: names.get(s.organisationId) ?? '' },
          link: `/collaboration/documents/${documentId}`,
          actorId: actor.userId,
        }, tx);
      }
    });
    if (added.length > 0) await this.changes.changed(documentId, 'signatures');
    return this.documents.get(actor, documentId);
  }

  /** A leader signs or declines for their organisation, while the document is open for signature. */
  async decide(actor: Actor, documentId: string, organisationId: string, decision: 'SIGN' | 'DECLINE'): Promise<DocumentDetail> {
    const doc = await this.documents.require(actor, documentId);
    const signatory = doc.signatories.find((s) => s.organisationId === organisationId);
    if (!signatory) throw notFound('signatory');
    if (!organisationsActorSignsFor(actor, doc).includes(organisationId)) {
      throw forbidden('Only a leader of this organisation signs on its behalf.');
    }
    const status = decision === 'SIGN' ? 'SIGNED' : 'DECLINED';
    // The decision and the owner's leaders' notification (with its mail job) commit together.
    const recorded = await this.repository.decide(documentId, organisationId, { status, userId: actor.userId, userName: actor.name }, async (tx) => {
      await this.notifications.notify({
        eventKey: `signature-decided:${documentId}:${organisationId}:${status}:${Date.now()}`,
        kind: 'signatureDecided',
        recipients: await this.repository.leadersOf([doc.ownerOrganisationId], tx),
        data: { actor: actor.name, title: titleOf(doc, actor.preferredLanguage), organisation: signatory.organisation.name, status },
        link: `/collaboration/documents/${documentId}`,
        actorId: actor.userId,
      }, tx);
    });
    if (!recorded) throw new AppError('SIGNATURE_CLOSED', 'This document is not open for signature.');
    // Every open page of the document shows the new signatory list at once.
    await this.changes.changed(documentId, 'signatures');
    // A signature commits an organisation publicly: keep who did it in the audit log.
    await this.audit.record({
      action: 'document.signature_decided',
      actorId: actor.userId,
      organisationId,
      networkId: doc.group.networkId,
      details: { documentId, decision: status },
    });
    return this.documents.get(actor, documentId);
  }

  /** The text of one language version with the organisations that signed it. */
  async pdf(actor: Actor, documentId: string, language: Language): Promise<{ filename: string; content: Buffer }> {
    const doc = await this.documents.require(actor, documentId);
    const version = doc.versions.find((v) => v.language === language);
    if (!version) throw notFound('language version');
    const labels = PDF_LABELS[language];
    const signed = doc.signatories.filter((s) => s.status === 'SIGNED');
    const content = await renderDocumentPdf({
      language,
      direction: directionOf(language),
      title: version.title,
      body: version.body,
      statusLine: labels.statusLine(labels.status[doc.status], doc.ownerOrganisation.name),
      signatures: {
        heading: labels.signatories,
        none: labels.none,
        signatories: signed.map((s) => ({
          organisation: s.organisation.name,
          signedLine: labels.signedBy(s.decidedByName ?? '', formatPdfDate(language, s.decidedAt ?? new Date())),
        })),
      },
    });
    const slug = fileNameStem(version.title, 'document');
    return { filename: `${slug}-${language}.pdf`, content };
  }
}
