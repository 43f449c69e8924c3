import { Anchor, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyLearningItem } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useMyLearning } from '../../../api/get-my-learning';

const resumeUrl = (item: MyLearningItem) =>
  item.resumeLessonId ? `/learning/enrolments/${item.enrolmentId}/lessons/${item.resumeLessonId}` : `/learning/courses/${item.courseId}`;

/** The course to go on with (assigned ones first, overdue first) and the due dates to keep. */
export function MyLearningCard() {
  const { t } = useTranslation('home');
  const format = useFormatters();
  const mine = useMyLearning();
  const open = mine.data ? [...mine.data.assigned, ...mine.data.inProgress].filter((i) => i.learner.state !== 'COMPLETED') : [];
  const next = open.find((i) => i.learner.state === 'IN_PROGRESS') ?? open[0] ?? null;
  const due = open.filter((i) => i.learner.dueAt).slice(0, 3);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-learning" data-testid="home-learning">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-learning">
          {t('volunteer.learningTitle')}
        </Title>
        {mine.isPending ? (
          <Skeleton height={60} />
        ) : mine.error ? (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : next ? (
          <>
            <Text size="sm" c="dimmed">
              {t('learning.next')}
            </Text>
            <Text fw={600} dir="auto">
              {next.title}
            </Text>
            <div>
              <Button component={Link} to={resumeUrl(next)} size="xs">
                {t(next.learner.state === 'IN_PROGRESS' ? 'learning.continue' : 'learning.start')}
              </Button>
            </div>
            {due.length > 0 ? (
              <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learning.dueDates')}>
                {due.map((item) => (
                  <Text component="li" key={item.enrolmentId} size="sm" c={item.learner.overdue ? 'red.8' : undefined}>
                    {t(item.learner.overdue ? 'learning.overdue' : 'learning.due', { course: item.title, date: format.date(item.learner.dueAt!) })}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </>
        ) : (
          <Text c="dimmed">{t('learning.nothingOpen')}</Text>
        )}
        <Anchor component={Link} to="/learning/mine" size="sm">
          {t('learning.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
