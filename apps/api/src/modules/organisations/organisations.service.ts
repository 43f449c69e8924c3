import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { OrganisationDetail, organisationCreateSchema, organisationUpdateSchema } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrganisationsRepository, nameConflict, type OrganisationFields } from './organisations.repository.js';

export type OrganisationUpdate = z.output<typeof organisationUpdateSchema>;
export type OrganisationCreate = z.output<typeof organisationCreateSchema>;

// Long free text is only flagged as changed in the audit log, not copied into it.
const FLAG_ONLY: ReadonlySet<string> = new Set(['description']);

/** The fields of `input` whose value differs from `current`, as audit details and as data. */
export function changedFields(current: OrganisationFields, input: OrganisationFields) {
  const data: OrganisationFields = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as [keyof OrganisationFields, unknown][]) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue;
    (data as Record<string, unknown>)[key] = value;
    changes[key] = FLAG_ONLY.has(key) ? { changed: true } : { from: current[key] ?? null, to: value };
  }
  return { data, changes };
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Contact pages are open to everyone in the organisation's network (that is what the
   * directory is for), so this is a network-visibility check rather than
   * requireOrganisationAccess, which would ask for a role in this very organisation.
   */
  async get(actor: Actor, id: string): Promise<OrganisationDetail> {
    const detail = await this.repository.findDetail(id, await this.access.visibleNetworkIds(actor));
    if (!detail) throw new AppError('NOT_FOUND', 'No such organisation.');
    return detail;
  }

  async update(actor: Actor, id: string, input: OrganisationUpdate, ip: string): Promise<OrganisationDetail> {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'organisation.update', [id]);
    const { networkId } = organisation!;
    const { data, changes } = changedFields(await this.repository.findFields(id), input);
    if (Object.keys(data).length === 0) return this.get(actor, id);
    if (data.name && (await this.repository.nameTaken(networkId, data.name, id))) throw nameConflict();
    const detail = await this.repository.update(id, data);
    await this.audit.record({
      action: 'organisation.updated',
      actorId: actor.userId,
      organisationId: id,
      networkId,
      ip,
      details: { name: detail.name, changes },
    });
    return detail;
  }

  async create(actor: Actor, input: OrganisationCreate, ip: string): Promise<OrganisationDetail> {
    const { networkId, ...fields } = input;
    await this.access.requireNetworkAccess(actor, 'organisation.create', networkId);
    if (await this.repository.nameTaken(networkId, fields.name)) throw nameConflict();
    const detail = await this.repository.create(networkId, fields);
    await this.audit.record({
      action: 'organisation.created',
      actorId: actor.userId,
      organisationId: detail.id,
      networkId,
      ip,
      details: { name: detail.name },
    });
    return detail;
  }
}
