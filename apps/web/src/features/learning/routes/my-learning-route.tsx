import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyLearningItem } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useMyLearning } from '../../../api/get-my-learning';
import { LearnerStateBadge } from '../components/learner-state-badge';
import { CertificateLeadsTo } from '../components/certificate-leads-to';
import { SaveOfflineButton } from '../components/save-offline-button';
import { PathList } from '../components/path-list';

function Item({ item }: { item: MyLearningItem }) {
  const { t } = useTranslation('learning');
  const format = useFormatters();
  const resume = item.resumeLessonId ? `/learning/enrolments/${item.enrolmentId}/lessons/${item.resumeLessonId}` : `/learning/courses/${item.courseId}`;
  return (
    <Card component="li" withBorder padding="sm" data-testid="my-learning-item">
      <Stack gap={6}>
        <Anchor component={Link} to={`/learning/courses/${item.courseId}`} fw={600} dir="auto">
          {item.title}
        </Anchor>
        <LearnerStateBadge learner={item.learner} />
        <CertificateLeadsTo leadsTo={item.leadsTo} size="xs" />
        {item.cohort ? (
          <Text size="sm" c="dimmed">
            {t('course.cohort', { name: item.cohort.name, start: format.date(item.cohort.startsAt), end: format.date(item.cohort.endsAt) })}
          </Text>
        ) : null}
        <Group gap="xs">
          {item.learner.state === 'COMPLETED' ? (
            item.certificateId ? (
              <Button component={Link} to="/certificates" size="xs" variant="light">
                {t('mine.certificate')}
              </Button>
            ) : null
          ) : (
            <>
              <Button component={Link} to={resume} size="xs">
                {item.learner.state === 'NOT_STARTED' ? t('mine.start') : t('mine.continue')}
              </Button>
              <SaveOfflineButton courseId={item.courseId} size="xs" />
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Section({ title, items, empty, testId }: { title: string; items: MyLearningItem[]; empty: string; testId: string }) {
  return (
    <Stack gap="xs" component="section" data-testid={testId}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Item key={item.enrolmentId} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** "My learning": assigned (due dates, overdue first), in progress, completed. */
export function MyLearningRoute() {
  const { t } = useTranslation('learning');
  const { t: tOffline } = useTranslation('learningOffline');
  const mine = useMyLearning();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <Title order={1}>{t('mine.title')}</Title>
        <Group gap="md">
          <Anchor component={Link} to="/learning/downloads" data-testid="downloads-link">
            {tOffline('downloads.title')}
          </Anchor>
          <Anchor component={Link} to="/learning">
            {t('mine.browse')}
          </Anchor>
        </Group>
      </Group>
      {mine.isPending ? (
        <Skeleton height={200} aria-busy="true" />
      ) : mine.error ? (
        <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <>
          <PathList title={t('paths.mine')} started />
          <Section title={t('mine.assigned')} items={mine.data.assigned} empty={t('mine.noneAssigned')} testId="mine-assigned" />
          {/* Sorted by who chose the course, not by state: each card names its own state. */}
          <Section title={t('mine.chosen')} items={mine.data.inProgress} empty={t('mine.noneChosen')} testId="mine-in-progress" />
          <Section title={t('mine.completed')} items={mine.data.completed} empty={t('mine.noneCompleted')} testId="mine-completed" />
        </>
      )}
    </Stack>
  );
}
