import { Injectable } from '@nestjs/common';
import type { CertificateType, CertificateTypeCreate, CertificateTypeUpdate } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { CertificateTypesRepository } from './certificate-types.repository.js';

interface StoredType {
  id: string;
  networkId: string;
  names: unknown;
  descriptions: unknown;
  validityMonths: number | null;
  signatories: unknown;
  createdAt: Date;
}

/** Coordinators define the certificates their network awards; every member may read them. */
@Injectable()
export class CertificateTypesService {
  constructor(
    private readonly repository: CertificateTypesRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, networkId: string) {
    await this.requireVisibleNetwork(actor, networkId);
    return { items: (await this.repository.listForNetwork(networkId)).map(toCertificateTypeView) };
  }

  async create(actor: Actor, networkId: string, input: CertificateTypeCreate, ip: string) {
    await this.access.requireNetworkAccess(actor, 'certificates.manageTypes', networkId);
    const type = await this.repository.create(networkId, actor.userId, input);
    await this.audit.record({
      action: 'certificate_type.created',
      actorId: actor.userId,
      networkId,
      ip,
      details: { certificateTypeId: type.id, names: input.names },
    });
    return toCertificateTypeView(type);
  }

  async update(actor: Actor, id: string, input: CertificateTypeUpdate, ip: string) {
    const existing = await this.requireType(actor, id);
    await this.access.requireNetworkAccess(actor, 'certificates.manageTypes', existing.networkId);
    const type = await this.repository.update(id, input);
    await this.audit.record({
      action: 'certificate_type.updated',
      actorId: actor.userId,
      networkId: type.networkId,
      ip,
      details: { certificateTypeId: id, changed: Object.keys(input) },
    });
    return toCertificateTypeView(type);
  }

  /** A type in one of the actor's networks, or 404. */
  async requireType(actor: Actor, id: string) {
    const type = await this.repository.findById(id);
    if (!type || !(await this.access.visibleNetworkIds(actor)).includes(type.networkId)) {
      throw notFound('certificate type');
    }
    return type;
  }

  private async requireVisibleNetwork(actor: Actor, networkId: string) {
    if (!(await this.access.visibleNetworkIds(actor)).includes(networkId)) throw notFound('network');
  }
}

export function toCertificateTypeView(type: StoredType): CertificateType {
  return {
    id: type.id,
    networkId: type.networkId,
    names: type.names as Record<string, string>,
    descriptions: type.descriptions as Record<string, string>,
    validityMonths: type.validityMonths,
    signatories: type.signatories as { name: string; title: string }[],
    createdAt: type.createdAt.toISOString(),
  };
}
