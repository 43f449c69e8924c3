import { Injectable } from '@nestjs/common';
import type { CertificateEarnedBy, CertificateEarnedByInput, CertificateRuleItem, CourseStatus, ErrorCode } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { CertificateTypesRepository, type StoredRule } from './certificate-types.repository.js';

/** What a create or update says about the rule; absent fields stay as they are. */
export interface RuleInput {
  earnedBy?: CertificateEarnedByInput | null;
  renewalCourseId?: string | null;
}

interface Referenced {
  id: string;
  networkId: string;
  status: CourseStatus;
  titles: unknown;
}

/** The rule view of one type: what earns it and what renews it. */
export interface RuleView {
  earnedBy: CertificateEarnedBy | null;
  renewalCourse: CertificateRuleItem | null;
}

const NO_RULE: RuleView = { earnedBy: null, renewalCourse: null };

/**
 * Which courses or learning path earn a certificate type, and which refresher renews it:
 * checking what a coordinator asks for, and describing it back in the reader's language.
 * The learning module's CompletionService reads the stored rule when a course is completed.
 */
@Injectable()
export class CertificateRules {
  constructor(
    private readonly repository: CertificateTypesRepository,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The rule to store (null: none, undefined: leave it as it is), or an AppError naming the
   * offending ids. `validityMonths` is the type's validity after the change.
   */
  async resolve(actor: Actor, networkId: string, current: StoredRule | null, input: RuleInput, validityMonths: number | null) {
    const changing = input.earnedBy !== undefined || input.renewalCourseId !== undefined;
    const next: StoredRule = {
      courseIds: input.earnedBy === undefined ? (current?.courseIds ?? []) : (input.earnedBy?.courseIds ?? []),
      learningPathId: input.earnedBy === undefined ? (current?.learningPathId ?? null) : (input.earnedBy?.learningPathId ?? null),
      renewalCourseId: input.renewalCourseId === undefined ? (current?.renewalCourseId ?? null) : input.renewalCourseId,
    };
    // Also checked when only the validity changes: a refresher of a certificate that never
    // expires would silently do nothing.
    if (next.renewalCourseId && validityMonths === null) {
      throw new AppError('CERTIFICATE_RULE_RENEWAL_NEEDS_EXPIRY', 'Only a certificate that expires can be renewed.', { field: 'renewalCourseId' });
    }
    if (!changing) return undefined;

    // Whatever the rule already names may stay even if archived since (editing a type's name
    // must not force the coordinator to rewrite its rule); only new references are checked
    // against archiving.
    const alreadyNamed = new Set([...(current?.courseIds ?? []), current?.learningPathId, current?.renewalCourseId].filter(Boolean));
    const visibleNetworks = await this.access.visibleNetworkIds(actor);
    const courseIds = [...new Set([...next.courseIds, ...(next.renewalCourseId ? [next.renewalCourseId] : [])])];
    const courses = new Map((await this.repository.coursesByIds(courseIds)).map((c) => [c.id, c]));
    const check = (field: string, kind: 'COURSE' | 'PATH', ids: string[], found: Map<string, Referenced>) => {
      for (const id of ids) {
        const thing = found.get(id);
        // Something of a network the coordinator cannot see is as good as absent (no leak).
        if (!thing || (thing.networkId !== networkId && !visibleNetworks.includes(thing.networkId))) {
          throw ruleError(`CERTIFICATE_RULE_${kind}_NOT_FOUND`, field, id);
        }
        if (thing.networkId !== networkId) throw ruleError(`CERTIFICATE_RULE_${kind}_WRONG_NETWORK`, field, id);
        // Drafts are accepted: a coordinator sets up the certificate before the course opens,
        // so that its very first completers receive it (the rule is only read on completion).
        // An archived course or path can no longer be taken by anyone new, so a new rule
        // naming it could never be fulfilled.
        if (thing.status === 'ARCHIVED' && !alreadyNamed.has(id)) throw ruleError(`CERTIFICATE_RULE_${kind}_ARCHIVED`, field, id);
      }
    };
    check('earnedBy.courseIds', 'COURSE', next.courseIds, courses);
    if (next.learningPathId) {
      const paths = new Map((await this.repository.pathsByIds([next.learningPathId])).map((p) => [p.id, p]));
      check('earnedBy.learningPathId', 'PATH', [next.learningPathId], paths);
    }
    if (next.renewalCourseId) check('renewalCourseId', 'COURSE', [next.renewalCourseId], courses);

    const empty = next.courseIds.length === 0 && !next.learningPathId && !next.renewalCourseId;
    return empty ? null : next;
  }

  /** Rule views for types of one network, titles in `language` (then the network's fallbacks). */
  async describe(networkId: string, rules: (StoredRule | null)[], language: string): Promise<RuleView[]> {
    const courseIds = new Set<string>();
    const pathIds = new Set<string>();
    for (const rule of rules) {
      rule?.courseIds.forEach((id) => courseIds.add(id));
      if (rule?.renewalCourseId) courseIds.add(rule.renewalCourseId);
      if (rule?.learningPathId) pathIds.add(rule.learningPathId);
    }
    if (courseIds.size === 0 && pathIds.size === 0) return rules.map(() => NO_RULE);
    const [courses, paths, fallbacks] = await Promise.all([
      this.repository.coursesByIds([...courseIds]),
      this.repository.pathsByIds([...pathIds]),
      this.repository.fallbackLanguages(networkId),
    ]);
    const item = (thing: Referenced): CertificateRuleItem => ({ id: thing.id, title: localisedText(thing.titles, language, fallbacks), status: thing.status });
    const courseItems = new Map(courses.map((c) => [c.id, item(c)]));
    const pathItems = new Map(paths.map((p) => [p.id, item(p)]));
    return rules.map((rule) => {
      if (!rule) return NO_RULE;
      const path = rule.learningPathId ? pathItems.get(rule.learningPathId) : undefined;
      const earnedCourses = rule.courseIds.flatMap((id) => courseItems.get(id) ?? []);
      const earnedBy: CertificateEarnedBy | null = path
        ? { kind: 'learningPath', learningPath: path }
        : earnedCourses.length > 0
          ? { kind: 'courses', courses: earnedCourses }
          : null;
      return { earnedBy, renewalCourse: (rule.renewalCourseId && courseItems.get(rule.renewalCourseId)) || null };
    });
  }
}

function ruleError(code: ErrorCode, field: string, id: string) {
  return new AppError(code, 'A course or learning path of this rule cannot be used.', { field, id });
}
