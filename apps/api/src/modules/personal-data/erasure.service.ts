import { Injectable } from '@nestjs/common';
import type { ErasureRequest, PendingErasure } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { SessionService } from '../../common/auth/session.service.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { RequestMeta } from '../auth/auth.service.js';
import { HolderCertificates } from '../certificates/holder-certificates.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PersonalDataRepository } from './personal-data.repository.js';

/**
 * "Erase my account": the person asks, a leader of one of their organisations or a
 * coordinator of its network confirms (a platform admin for anyone), and the account is
 * anonymised in one transaction (policy in the README). Certificates stay as issued; the
 * public verify page shows the holder as erased at their request.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly access: AccessPolicy,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly certificates: HolderCertificates,
    private readonly jobs: JobQueue,
  ) {}

  async request(actor: Actor, meta: RequestMeta): Promise<{ request: ErasureRequest }> {
    const pending = await this.repository.findPendingErasure(actor.userId);
    if (pending) return { request: toView(pending) };
    const confirmers = await this.repository.confirmersOf(actor.userId);
    // The request and its confirmers' notifications (with their mail jobs) commit together.
    const created = await this.repository.createErasure(actor.userId, (tx, { id }) =>
      this.notifications.notify(
        { eventKey: `erasure-request:${id}`, kind: 'erasureRequested', recipients: confirmers, data: { actor: actor.name }, link: '/organisation', actorId: actor.userId },
        tx,
      ),
    );
    await this.audit.record({ action: 'account.erasure_requested', actorId: actor.userId, subjectUserId: actor.userId, ip: meta.ip });
    return { request: toView(created) };
  }

  async mine(actor: Actor): Promise<{ request: ErasureRequest | null }> {
    const latest = await this.repository.latestErasure(actor.userId);
    return { request: latest && latest.status === 'PENDING' ? toView(latest) : null };
  }

  async cancel(actor: Actor): Promise<void> {
    if (!(await this.repository.cancelErasure(actor.userId))) throw notFound('erasure request');
  }

  /** Pending requests of an organisation's members, for its leaders and its network's coordinators. */
  async listForOrganisation(actor: Actor, organisationId: string): Promise<{ items: PendingErasure[] }> {
    await this.access.requireOrganisationAccess(actor, 'members.confirmErasure', [organisationId]);
    const found = await this.repository.pendingErasuresOf([organisationId]);
    return {
      items: found
        .filter((r) => r.userId !== actor.userId)
        .map((r) => ({ id: r.id, userId: r.userId, name: r.user.name, email: r.user.email, requestedAt: r.requestedAt.toISOString() })),
    };
  }

  /**
   * Confirms and erases. Only someone who manages the person may: otherwise — another
   * organisation's leader, the person themselves — the request does not exist for them (404).
   */
  async confirm(actor: Actor, requestId: string, meta: RequestMeta): Promise<void> {
    const found = await this.repository.findErasure(requestId);
    if (!found || found.status !== 'PENDING' || found.userId === actor.userId || !this.manages(actor, found.user)) {
      throw notFound('erasure request');
    }
    // The ZIPs of earlier exports leave through a job written in the erasure's transaction:
    // a crash right after the commit cannot leave them behind.
    const erased = await this.repository.erase(found.id, found.userId, actor.userId, new Date(), async (tx, storageKeys) => {
      if (storageKeys.length === 0) return;
      await this.jobs.enqueue('personal-data.remove-exports', { storageKeys }, { jobId: `personal-data.remove-exports:${found.id}`, tx });
    });
    if (!erased) throw notFound('erasure request');
    await this.sessions.revokeAllForUser(found.userId);
    await this.certificates.holderErased(found.userId);
    await this.audit.record({ action: 'account.erased', actorId: actor.userId, subjectUserId: found.userId, ip: meta.ip, details: { requestId } });
  }

  private manages(
    actor: Actor,
    person: { memberships: { organisationId: string; organisation: { networkId: string } }[]; networkRoles: { networkId: string }[] },
  ): boolean {
    if (actor.isPlatformAdmin) return true;
    const viaOrganisation = person.memberships.some((m) =>
      this.access.holdsForOrganisation(actor, 'members.confirmErasure', { id: m.organisationId, networkId: m.organisation.networkId }),
    );
    const viaNetwork = person.networkRoles.some((n) => this.access.holdsForNetwork(actor, 'members.confirmErasure', n.networkId));
    return viaOrganisation || viaNetwork;
  }
}

function toView(row: { id: string; status: ErasureRequest['status']; requestedAt: Date }): ErasureRequest {
  return { id: row.id, status: row.status, requestedAt: row.requestedAt.toISOString() };
}
