import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearnerState } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';

/** Not enrolled / in progress x % / completed, and the due date of an assignment (red when overdue). */
export function LearnerStateBadge({ learner }: { learner: LearnerState }) {
  const { t } = useTranslation('learning');
  const format = useFormatters();
  return (
    <Group gap={6} wrap="wrap">
      {learner.state === 'COMPLETED' ? (
        <Badge color="teal">{t('state.completed')}</Badge>
      ) : learner.state === 'IN_PROGRESS' ? (
        <Badge color="blue" variant="light">
          {t('state.inProgress', { percent: learner.progressPercent })}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('state.notEnrolled')}
        </Badge>
      )}
      {learner.dueAt && learner.state !== 'COMPLETED' ? (
        <Badge color={learner.overdue ? 'red' : 'yellow'} variant={learner.overdue ? 'filled' : 'light'}>
          {learner.overdue ? t('state.overdue', { date: format.date(learner.dueAt) }) : t('state.due', { date: format.date(learner.dueAt) })}
        </Badge>
      ) : null}
    </Group>
  );
}
