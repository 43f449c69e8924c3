import { Injectable } from '@nestjs/common';
import {
  REPORT_METRIC_KIND,
  reportTargetProblems,
  roleHas,
  type ReportTarget,
  type ReportTargetCreate,
  type ReportTargetUpdate,
} from '@tadamon/shared';
import { AccessPolicy } from '../../../common/auth/access.policy.js';
import type { Actor } from '../../../common/auth/actor.js';
import { AuditService } from '../../../common/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../../common/errors/app-error.js';
import { TargetsRepository, type StoredTarget, type TargetFields } from './targets.repository.js';

/**
 * Targets of a network. Its coordinators (and platform admins) set them; the leaders of its
 * organisations read them, so that they know what the network is aiming at; volunteers do
 * not. Another network's targets do not exist for the caller (404).
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly repository: TargetsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, networkId: string): Promise<{ items: ReportTarget[] }> {
    await this.requireReader(actor, networkId);
    return { items: (await this.repository.listForNetwork(networkId)).map(toView) };
  }

  async create(actor: Actor, networkId: string, input: ReportTargetCreate, ip: string): Promise<ReportTarget> {
    await this.access.requireNetworkAccess(actor, 'reports.manageTargets', networkId);
    const created = await this.repository.create(networkId, actor.userId, toFields(input));
    await this.audit.record({ action: 'report_target.created', actorId: actor.userId, networkId, ip, details: { targetId: created.id, ...input } });
    return toView(created);
  }

  async update(actor: Actor, id: string, input: ReportTargetUpdate, ip: string): Promise<ReportTarget> {
    const existing = await this.requireManageable(actor, id);
    // A change to one field can break another (a new metric makes 120 a bad percentage).
    const merged = { ...fromStored(existing), ...definedOnly(input) };
    const problems = reportTargetProblems(merged);
    if (problems.length > 0) {
      const fields = Object.fromEntries(problems.map((p) => [p.path, [{ code: 'custom', message: p.code }]]));
      throw new AppError('VALIDATION_FAILED', 'This target does not add up.', { fields });
    }
    const updated = await this.repository.update(id, toFields(merged));
    await this.audit.record({
      action: 'report_target.updated',
      actorId: actor.userId,
      networkId: existing.networkId,
      ip,
      details: { targetId: id, changed: Object.keys(definedOnly(input)) },
    });
    return toView(updated);
  }

  async remove(actor: Actor, id: string, ip: string): Promise<void> {
    const existing = await this.requireManageable(actor, id);
    if (!(await this.repository.delete(id))) throw notFound('target');
    await this.audit.record({
      action: 'report_target.deleted',
      actorId: actor.userId,
      networkId: existing.networkId,
      ip,
      details: { targetId: id, metric: existing.metric, targetValue: existing.targetValue },
    });
  }

  /** Coordinators of the network and leaders of any of its organisations; others in it get 403. */
  private async requireReader(actor: Actor, networkId: string): Promise<void> {
    const visible = await this.access.visibleNetworkIds(actor);
    if (!visible.includes(networkId)) throw notFound('network');
    if (this.access.holdsForNetwork(actor, 'reports.read', networkId)) return;
    const leadsHere = [...actor.organisations.values()].some((o) => o.networkId === networkId && roleHas(o.role, 'reports.read'));
    if (!leadsHere) throw forbidden('Your role does not allow reading this network’s targets.');
  }

  /** A target of one of the caller's networks (else 404) that they may change (else 403). */
  private async requireManageable(actor: Actor, id: string): Promise<StoredTarget> {
    const found = await this.repository.find(id);
    if (!found) throw notFound('target');
    const visible = await this.access.visibleNetworkIds(actor);
    if (!visible.includes(found.networkId)) throw notFound('target');
    if (!this.access.holdsForNetwork(actor, 'reports.manageTargets', found.networkId)) {
      throw forbidden('Only the network’s coordinators change its targets.');
    }
    return found;
  }
}

type TargetInput = Omit<TargetFields, 'periodStart' | 'periodEnd'> & { periodStart: string; periodEnd: string };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function fromStored(t: StoredTarget): TargetInput {
  return { country: t.country, metric: t.metric, targetValue: t.targetValue, periodStart: dayOf(t.periodStart), periodEnd: dayOf(t.periodEnd), note: t.note };
}

function toFields(t: TargetInput): TargetFields {
  return { ...t, periodStart: new Date(`${t.periodStart}T00:00:00Z`), periodEnd: new Date(`${t.periodEnd}T00:00:00Z`) };
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toView(t: StoredTarget): ReportTarget {
  return {
    id: t.id,
    networkId: t.networkId,
    country: t.country,
    metric: t.metric,
    kind: REPORT_METRIC_KIND[t.metric],
    targetValue: t.targetValue,
    periodStart: dayOf(t.periodStart),
    periodEnd: dayOf(t.periodEnd),
    note: t.note,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
