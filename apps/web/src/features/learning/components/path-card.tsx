import { Anchor, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgressStateBadge } from '../../../components/progress-state-badge';
import type { LearnerPath } from '@tadamon/shared';

/** A learning path in a list: title, where one stands, and the certificate it leads to. */
export function PathCard({ path }: { path: LearnerPath }) {
  const { t } = useTranslation('learning');
  return (
    <Card component="li" withBorder padding="sm" data-testid="path-card">
      <Stack gap={6}>
        <Anchor component={Link} to={`/learning/paths/${path.id}`} fw={600} dir="auto">
          {path.title}
        </Anchor>
        {path.summary ? (
          <Text size="sm" c="dimmed" dir="auto" lineClamp={2}>
            {path.summary}
          </Text>
        ) : null}
        <Group gap="xs">
          <PathStateBadge path={path} />
          <Text size="sm">{t('paths.coursesDone', { done: path.completedCourses, count: path.totalCourses })}</Text>
        </Group>
        <Progress value={path.progressPercent} size="sm" aria-label={t('paths.progress', { percent: path.progressPercent })} />
        {path.certificate ? <Text size="sm">{t('paths.leadsTo', { name: path.certificate.name })}</Text> : null}
      </Stack>
    </Card>
  );
}

export function PathStateBadge({ path }: { path: LearnerPath }) {
  return <ProgressStateBadge state={path.state} />;
}
