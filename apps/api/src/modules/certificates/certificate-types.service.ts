import { Injectable } from '@nestjs/common';
import type { CertificateType, CertificateTypeCreate, CertificateTypeUpdate } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { CertificateRules, type RuleView } from './certificate-rules.js';
import { CertificateTypesRepository, type StoredRule } from './certificate-types.repository.js';

interface StoredType {
  id: string;
  networkId: string;
  names: unknown;
  descriptions: unknown;
  validityMonths: number | null;
  signatories: unknown;
  createdAt: Date;
}

const ruleOf = (type: { rule: StoredRule | null }): StoredRule | null =>
  type.rule ? { courseIds: type.rule.courseIds, learningPathId: type.rule.learningPathId, renewalCourseId: type.rule.renewalCourseId } : null;

/** Coordinators define the certificates their network awards; every member may read them. */
@Injectable()
export class CertificateTypesService {
  constructor(
    private readonly repository: CertificateTypesRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly rules: CertificateRules,
  ) {}

  /** Everyone in the network reads the types; the rules only those who may change them. */
  async list(actor: Actor, networkId: string) {
    await this.requireVisibleNetwork(actor, networkId);
    const types = await this.repository.listForNetwork(networkId);
    if (!this.access.holdsForNetwork(actor, 'certificates.manageTypes', networkId)) {
      return { items: types.map((type) => toCertificateTypeView(type)) };
    }
    const views = await this.rules.describe(networkId, types.map(ruleOf), actor.preferredLanguage);
    return { items: types.map((type, i) => toCertificateTypeView(type, views[i])) };
  }

  async create(actor: Actor, networkId: string, input: CertificateTypeCreate, ip: string) {
    await this.access.requireNetworkAccess(actor, 'certificates.manageTypes', networkId);
    const { earnedBy, renewalCourseId, ...fields } = input;
    const rule = await this.rules.resolve(actor, networkId, null, { earnedBy, renewalCourseId }, fields.validityMonths);
    const type = await this.repository.create(networkId, actor.userId, fields, rule ?? null);
    await this.audit.record({
      action: 'certificate_type.created',
      actorId: actor.userId,
      networkId,
      ip,
      details: { certificateTypeId: type.id, names: input.names, rule: rule ?? null },
    });
    return this.viewWithRule(actor, type);
  }

  async update(actor: Actor, id: string, input: CertificateTypeUpdate, ip: string) {
    const existing = await this.requireType(actor, id);
    await this.access.requireNetworkAccess(actor, 'certificates.manageTypes', existing.networkId);
    const { earnedBy, renewalCourseId, ...fields } = input;
    const validityMonths = fields.validityMonths === undefined ? existing.validityMonths : fields.validityMonths;
    const before = ruleOf(existing);
    const rule = await this.rules.resolve(actor, existing.networkId, before, { earnedBy, renewalCourseId }, validityMonths);
    const type = await this.repository.update(id, fields, rule);
    await this.audit.record({
      action: 'certificate_type.updated',
      actorId: actor.userId,
      networkId: type.networkId,
      ip,
      details: { certificateTypeId: id, changed: Object.keys(input), ...(rule !== undefined ? { rule: { before, after: rule } } : {}) },
    });
    return this.viewWithRule(actor, type);
  }

  private async viewWithRule(actor: Actor, type: StoredType & { rule: StoredRule | null }) {
    const [view] = await this.rules.describe(type.networkId, [ruleOf(type)], actor.preferredLanguage);
    return toCertificateTypeView(type, view);
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

export function toCertificateTypeView(type: StoredType, rule?: RuleView): CertificateType {
  return {
    ...(rule ? { earnedBy: rule.earnedBy, renewalCourse: rule.renewalCourse } : {}),
    id: type.id,
    networkId: type.networkId,
    names: type.names as Record<string, string>,
    descriptions: type.descriptions as Record<string, string>,
    validityMonths: type.validityMonths,
    signatories: type.signatories as { name: string; title: string }[],
    createdAt: type.createdAt.toISOString(),
  };
}
