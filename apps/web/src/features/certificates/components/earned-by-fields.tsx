import { Fieldset, NativeSelect, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRuleCourses, useRulePaths } from '../api/get-rule-options';
import { RuleCoursePicker } from './rule-course-picker';
import type { EarnedByKind, RuleDraft } from './rule-draft';

interface Props {
  networkId: string;
  value: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  titles: Record<string, string>;
  onTitles: (titles: Record<string, string>) => void;
  /** Only a certificate that expires can be renewed. */
  expires: boolean;
  problem: string | null;
}

/** "Earned by": an assessor only, completing chosen courses, or completing a learning path; and a refresher. */
export function EarnedByFields({ networkId, value, onChange, titles, onTitles, expires, problem }: Props) {
  const { t } = useTranslation('certificates');
  const courses = useRuleCourses(networkId, '');
  const paths = useRulePaths(networkId, value.kind === 'learningPath');
  // What the type names already stays choosable even if the first page of options lacks it.
  const options = (list: { id: string; title: string }[] | undefined, chosen: string) => {
    const items = (list ?? []).map((o) => ({ value: o.id, label: o.title }));
    if (chosen && !items.some((o) => o.value === chosen)) items.unshift({ value: chosen, label: titles[chosen] ?? chosen });
    return items;
  };

  return (
    <Fieldset legend={t('rules.legend')}>
      <Stack>
        <Radio.Group
          label={t('rules.how')}
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind: kind as EarnedByKind })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="assessor" label={t('rules.assessorOnly')} />
            <Radio value="courses" label={t('rules.byCourses')} />
            <Radio value="learningPath" label={t('rules.byPath')} />
          </Stack>
        </Radio.Group>
        {value.kind === 'courses' ? (
          <RuleCoursePicker
            networkId={networkId}
            value={value.courseIds}
            onChange={(courseIds) => onChange({ ...value, courseIds })}
            titles={titles}
            onTitles={onTitles}
            error={problem === 'rules.chooseCourses' ? t(problem) : null}
          />
        ) : null}
        {value.kind === 'learningPath' ? (
          <NativeSelect
            label={t('rules.path')}
            value={value.learningPathId}
            onChange={(e) => onChange({ ...value, learningPathId: e.currentTarget.value })}
            data={[{ value: '', label: t('rules.choose') }, ...options(paths.data, value.learningPathId)]}
            error={problem === 'rules.choosePath' ? t(problem) : null}
          />
        ) : null}
        <NativeSelect
          label={t('rules.renewal')}
          description={expires ? t('rules.renewalHelp') : t('rules.renewalNeedsExpiry')}
          disabled={!expires}
          value={expires ? value.renewalCourseId : ''}
          onChange={(e) => onChange({ ...value, renewalCourseId: e.currentTarget.value })}
          data={[{ value: '', label: t('rules.noRenewal') }, ...options(courses.data, value.renewalCourseId)]}
        />
      </Stack>
    </Fieldset>
  );
}
