import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { NetworkAdmin, networkCreateSchema, networkUpdateSchema } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { NetworksAdminRepository, type NetworkFields } from './networks-admin.repository.js';
import { firstFreeSlug, slugFromName } from './network-slug.js';

type NetworkCreate = z.output<typeof networkCreateSchema>;
type NetworkUpdate = z.output<typeof networkUpdateSchema>;

const nameConflict = () =>
  new AppError('CONFLICT', 'Another network already has this name.', { fields: { name: [{ code: 'taken', message: 'nameTaken' }] } });

/**
 * Networks: platform admins create them; platform admins and a network's coordinators edit
 * its name, description, languages (in fallback order) and time zone.
 */
@Injectable()
export class NetworksAdminService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NetworksAdminRepository,
    private readonly audit: AuditService,
  ) {}

  /** The networks this person may edit: all for platform admins, their own for coordinators. */
  async list(actor: Actor): Promise<{ items: NetworkAdmin[] }> {
    const visible = await this.access.visibleNetworkIds(actor);
    const editable = visible.filter((id) => this.access.holdsForNetwork(actor, 'network.manage', id));
    return { items: await this.repository.list(editable) };
  }

  async create(actor: Actor, input: NetworkCreate, ip: string): Promise<NetworkAdmin> {
    if (await this.repository.nameTaken(input.name)) throw nameConflict();
    const base = slugFromName(input.name);
    const slug = firstFreeSlug(base, await this.repository.slugsStartingWith(base));
    const network = await this.repository.create(slug, {
      name: input.name,
      description: input.description,
      fallbackLanguages: input.languages,
      timeZone: input.timeZone,
    });
    await this.audit.record({
      action: 'network.created',
      actorId: actor.userId,
      networkId: network.id,
      ip,
      details: { name: network.name, languages: network.languages, timeZone: network.timeZone },
    });
    return network;
  }

  async update(actor: Actor, id: string, input: NetworkUpdate, ip: string): Promise<NetworkAdmin> {
    await this.access.requireNetworkAccess(actor, 'network.manage', id);
    const current = (await this.repository.find(id))!;
    const wanted: Partial<NetworkFields> = {
      name: input.name,
      description: input.description,
      fallbackLanguages: input.languages,
      timeZone: input.timeZone,
    };
    const now: NetworkFields = {
      name: current.name,
      description: current.description,
      fallbackLanguages: current.languages,
      timeZone: current.timeZone,
    };
    const data: Partial<NetworkFields> = {};
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(wanted) as [keyof NetworkFields, unknown][]) {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(now[key])) continue;
      (data as Record<string, unknown>)[key] = value;
      // Descriptions are long free text: flagged, not copied into the audit log.
      changes[key] = key === 'description' ? { changed: true } : { from: now[key], to: value };
    }
    if (Object.keys(data).length === 0) return current;
    if (data.name && (await this.repository.nameTaken(data.name, id))) throw nameConflict();
    const network = await this.repository.update(id, data);
    await this.audit.record({
      action: 'network.updated',
      actorId: actor.userId,
      networkId: id,
      ip,
      details: { name: network.name, changes },
    });
    return network;
  }
}
