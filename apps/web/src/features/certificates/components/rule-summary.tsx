import { Text } from '@mantine/core';
import type { CertificateRuleItem, CertificateType } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';

/** One line on what earns a type and one on what renews it, as a coordinator reads the list. */
export function RuleSummary({ type }: { type: CertificateType }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  // A draft or archived course is named as such: it earns nothing until published, or any more.
  const title = (item: CertificateRuleItem) => (item.status === 'PUBLISHED' ? item.title : t(`rules.status.${item.status}`, { title: item.title }));
  const earnedBy = type.earnedBy;
  return (
    <>
      <Text size="sm" data-testid="type-earned-by">
        {earnedBy?.kind === 'courses'
          ? t('rules.earnedByCourses', { count: earnedBy.courses.length, courses: format.list(earnedBy.courses.map(title)) })
          : earnedBy?.kind === 'learningPath'
            ? t('rules.earnedByPath', { path: title(earnedBy.learningPath) })
            : t('rules.earnedByAssessor')}
      </Text>
      {type.renewalCourse ? (
        <Text size="sm" c="dimmed">
          {t('rules.renewedBy', { course: title(type.renewalCourse) })}
        </Text>
      ) : null}
    </>
  );
}
