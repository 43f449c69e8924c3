import type { AccreditationFramework } from '@tadamon/shared';
import type { StoredFramework } from './frameworks.repository.js';

type Texts = Record<string, string>;
const texts = (value: unknown) => (value ?? {}) as Texts;

export function toFrameworkView(framework: StoredFramework): AccreditationFramework {
  return {
    ...toFrameworkSummary({ ...framework, _count: { criteria: countCriteria(framework) } }),
    sections: framework.sections.map((section) => ({
      id: section.id,
      titles: texts(section.titles),
      criteria: section.criteria.map((criterion) => ({
        id: criterion.id,
        titles: texts(criterion.titles),
        guidance: texts(criterion.guidance),
        evidenceDescriptions: texts(criterion.evidenceDescriptions),
        evidenceRequired: criterion.evidenceRequired,
        requiredCertificateTypeId: criterion.requiredCertificateTypeId,
      })),
    })),
  };
}

export function toFrameworkSummary(framework: {
  id: string;
  networkId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  titles: unknown;
  descriptions: unknown;
  validityMonths: number;
  publishedAt: Date | null;
  updatedAt: Date;
  _count: { criteria: number };
}) {
  return {
    id: framework.id,
    networkId: framework.networkId,
    status: framework.status,
    titles: texts(framework.titles),
    descriptions: texts(framework.descriptions),
    validityMonths: framework.validityMonths,
    criteriaCount: framework._count.criteria,
    publishedAt: framework.publishedAt?.toISOString() ?? null,
    updatedAt: framework.updatedAt.toISOString(),
  };
}

const countCriteria = (framework: StoredFramework) =>
  framework.sections.reduce((n, section) => n + section.criteria.length, 0);
