import { Injectable } from '@nestjs/common';
import type { AccreditationFrameworkInput } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { toFrameworkSummary, toFrameworkView } from './framework-view.js';
import { FrameworksRepository } from './frameworks.repository.js';
import { CertificateLookup } from '../certificates/certificate-lookup.js';

/**
 * Coordinators write accreditation frameworks for their network. A framework is edited as a
 * draft and frozen when published, so an assessment is always judged against the criteria it
 * was filled in against; a new edition starts as a copy.
 */
@Injectable()
export class FrameworksService {
  constructor(
    private readonly repository: FrameworksRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly certificates: CertificateLookup,
  ) {}

  /** Members of the network see published frameworks; reviewers see drafts and archived ones too. */
  async list(actor: Actor, networkId: string) {
    if (!(await this.access.visibleNetworkIds(actor)).includes(networkId)) throw notFound('network');
    const reviewer = this.access.holdsForNetwork(actor, 'accreditation.review', networkId);
    const frameworks = await this.repository.listForNetwork(networkId, !reviewer);
    return { items: frameworks.map(toFrameworkSummary) };
  }

  async get(actor: Actor, id: string) {
    return toFrameworkView(await this.requireReadable(actor, id));
  }

  async create(actor: Actor, networkId: string, input: AccreditationFrameworkInput, ip: string) {
    await this.access.requireNetworkAccess(actor, 'accreditation.review', networkId);
    await this.checkCertificateTypes(networkId, input);
    const framework = await this.repository.create(networkId, actor.userId, input);
    await this.record(actor, 'accreditation_framework.created', framework.networkId, framework.id, ip);
    return toFrameworkView(framework);
  }

  async replace(actor: Actor, id: string, input: AccreditationFrameworkInput, ip: string) {
    const existing = await this.requireManaged(actor, id);
    if (existing.status !== 'DRAFT') {
      throw new AppError('FRAMEWORK_NOT_EDITABLE', 'A published framework is frozen; copy it to make a new edition.');
    }
    await this.checkCertificateTypes(existing.networkId, input);
    const framework = await this.repository.replace(id, input);
    await this.record(actor, 'accreditation_framework.updated', framework.networkId, id, ip);
    return toFrameworkView(framework);
  }

  async publish(actor: Actor, id: string, ip: string) {
    const existing = await this.requireManaged(actor, id);
    if (existing.status !== 'DRAFT') throw new AppError('FRAMEWORK_NOT_EDITABLE', 'Only a draft can be published.');
    const framework = await this.repository.setStatus(id, 'PUBLISHED');
    await this.record(actor, 'accreditation_framework.published', framework.networkId, id, ip);
    return toFrameworkView(framework);
  }

  /** Archived frameworks take no new assessments; running ones go on to their decision. */
  async archive(actor: Actor, id: string, ip: string) {
    const existing = await this.requireManaged(actor, id);
    if (existing.status !== 'PUBLISHED') throw new AppError('FRAMEWORK_NOT_EDITABLE', 'Only a published framework can be archived.');
    const framework = await this.repository.setStatus(id, 'ARCHIVED');
    await this.record(actor, 'accreditation_framework.archived', framework.networkId, id, ip);
    return toFrameworkView(framework);
  }

  /** A new draft edition with the same texts and criteria. */
  async copy(actor: Actor, id: string, ip: string) {
    const source = toFrameworkView(await this.requireManaged(actor, id));
    return this.create(actor, source.networkId, {
      titles: source.titles,
      descriptions: source.descriptions,
      validityMonths: source.validityMonths,
      sections: source.sections.map((section) => ({
        titles: section.titles,
        criteria: section.criteria.map(({ id: _id, ...criterion }) => criterion),
      })),
    }, ip);
  }

  /** A framework the actor may read: published ones for network members, any for reviewers. */
  async requireReadable(actor: Actor, id: string) {
    const framework = await this.repository.findById(id);
    if (!framework || !(await this.access.visibleNetworkIds(actor)).includes(framework.networkId)) {
      throw notFound('framework');
    }
    const reviewer = this.access.holdsForNetwork(actor, 'accreditation.review', framework.networkId);
    if (framework.status === 'DRAFT' && !reviewer) throw notFound('framework');
    return framework;
  }

  private async requireManaged(actor: Actor, id: string) {
    const framework = await this.requireReadable(actor, id);
    await this.access.requireNetworkAccess(actor, 'accreditation.review', framework.networkId);
    return framework;
  }

  private async checkCertificateTypes(networkId: string, input: AccreditationFrameworkInput) {
    const wanted = input.sections.flatMap((s) => s.criteria.map((c) => c.requiredCertificateTypeId ?? null));
    const ids = [...new Set(wanted.filter((id): id is string => !!id))];
    const found = await this.certificates.typesInNetwork(networkId, ids);
    const fields: Record<string, { code: string; message: string }[]> = {};
    input.sections.forEach((section, s) =>
      section.criteria.forEach((criterion, c) => {
        const id = criterion.requiredCertificateTypeId;
        if (id && !found.has(id)) {
          fields[`sections.${s}.criteria.${c}.requiredCertificateTypeId`] = [
            { code: 'unknownCertificateType', message: 'No such certificate type in this network.' },
          ];
        }
      }),
    );
    if (Object.keys(fields).length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Some criteria name an unknown certificate type.', { fields });
    }
  }

  private record(
    actor: Actor,
    action:
      | 'accreditation_framework.created'
      | 'accreditation_framework.updated'
      | 'accreditation_framework.published'
      | 'accreditation_framework.archived',
    networkId: string,
    frameworkId: string,
    ip: string,
  ) {
    return this.audit.record({ action, actorId: actor.userId, networkId, ip, details: { frameworkId } });
  }
}
