import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearnerState } from '@tadamon/shared';
import { ProgressStateBadge } from '../../../components/progress-state-badge';
import { useFormatters } from '../../../lib/intl';

/**
 * The shared progress state (the same words the leader's table uses), how far along an
 * started course is, and the due date of an assignment (red when overdue).
 */
export function LearnerStateBadge({ learner }: { learner: LearnerState }) {
  const { t } = useTranslation('learning');
  const format = useFormatters();
  return (
    <Group gap={6} wrap="wrap">
      <ProgressStateBadge state={learner.state} />
      {learner.state === 'IN_PROGRESS' ? (
        <Text size="sm" c="dimmed" data-testid="progress-percent">
          {t('state.percent', { percent: learner.progressPercent })}
        </Text>
      ) : null}
      {learner.dueAt && learner.state !== 'COMPLETED' ? (
        <Badge color={learner.overdue ? 'red' : 'yellow'} variant={learner.overdue ? 'filled' : 'light'}>
          {learner.overdue ? t('state.overdue', { date: format.date(learner.dueAt) }) : t('state.due', { date: format.date(learner.dueAt) })}
        </Badge>
      ) : null}
    </Group>
  );
}
