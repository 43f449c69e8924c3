import type { CertificateType, CertificateTypeUpdate } from '@tadamon/shared';

export type EarnedByKind = 'assessor' | 'courses' | 'learningPath';

/** The "Earned by" part of the certificate type form while it is being filled in. */
export interface RuleDraft {
  kind: EarnedByKind;
  courseIds: string[];
  learningPathId: string;
  renewalCourseId: string;
}

export const EMPTY_RULE: RuleDraft = { kind: 'assessor', courseIds: [], learningPathId: '', renewalCourseId: '' };

/** The draft of an existing type, and the titles of what it names (options may not list them). */
export function ruleDraftOf(type: CertificateType | undefined): { draft: RuleDraft; titles: Record<string, string> } {
  if (!type) return { draft: EMPTY_RULE, titles: {} };
  const titles: Record<string, string> = {};
  const earnedBy = type.earnedBy;
  if (earnedBy?.kind === 'courses') earnedBy.courses.forEach((c) => (titles[c.id] = c.title));
  if (earnedBy?.kind === 'learningPath') titles[earnedBy.learningPath.id] = earnedBy.learningPath.title;
  if (type.renewalCourse) titles[type.renewalCourse.id] = type.renewalCourse.title;
  return {
    draft: {
      kind: earnedBy ? earnedBy.kind : 'assessor',
      courseIds: earnedBy?.kind === 'courses' ? earnedBy.courses.map((c) => c.id) : [],
      learningPathId: earnedBy?.kind === 'learningPath' ? earnedBy.learningPath.id : '',
      renewalCourseId: type.renewalCourse?.id ?? '',
    },
    titles,
  };
}

/** What is missing before the rule can be sent (a translation key), or null. */
export function ruleProblem(draft: RuleDraft): 'rules.chooseCourses' | 'rules.choosePath' | null {
  if (draft.kind === 'courses' && draft.courseIds.length === 0) return 'rules.chooseCourses';
  if (draft.kind === 'learningPath' && !draft.learningPathId) return 'rules.choosePath';
  return null;
}

/** The request fields; a certificate that never expires cannot be renewed. */
export function rulePayload(draft: RuleDraft, expires: boolean): Required<Pick<CertificateTypeUpdate, 'earnedBy' | 'renewalCourseId'>> {
  const earnedBy =
    draft.kind === 'courses' ? { courseIds: draft.courseIds } : draft.kind === 'learningPath' ? { learningPathId: draft.learningPathId } : null;
  return { earnedBy, renewalCourseId: expires && draft.renewalCourseId ? draft.renewalCourseId : null };
}
