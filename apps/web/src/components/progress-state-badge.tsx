import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgressState } from '@tadamon/shared';

const COLOUR = { NOT_ENROLLED: 'gray', NOT_STARTED: 'gray', IN_PROGRESS: 'blue', COMPLETED: 'teal' } as const;

/**
 * A progress state as every screen names it: the learner's "My learning" and course page, the
 * leader's team-learning table (names from packages/shared/src/progress-states.ts, namespace `progress`).
 */
export function ProgressStateBadge({ state, size }: { state: ProgressState | 'NOT_ENROLLED'; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('progress');
  return (
    <Badge color={COLOUR[state]} variant={state === 'COMPLETED' ? 'filled' : 'light'} size={size} data-state={state}>
      {t(state)}
    </Badge>
  );
}
