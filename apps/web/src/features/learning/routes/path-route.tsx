import '../learning.css';
import { Anchor, Alert, Button, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LearnerPathCourse } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useLearningPath } from '../api/get-learning-path';
import { LearnerStateBadge } from '../components/learner-state-badge';
import { PathStateBadge } from '../components/path-card';

function Step({ course, position }: { course: LearnerPathCourse; position: number }) {
  const { t } = useTranslation('learning');
  const action = course.learner.state === 'NOT_ENROLLED' ? 'paths.start' : 'paths.continue';
  return (
    <Card component="li" withBorder padding="sm" className={course.next ? 'path-step path-step--next' : 'path-step'} aria-current={course.next ? 'step' : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} aria-hidden="true">
            {position}.
          </Text>
          <Anchor component={Link} to={`/learning/courses/${course.id}`} fw={600} dir="auto">
            {course.title}
          </Anchor>
        </Group>
        <Group gap="xs">
          <LearnerStateBadge learner={course.learner} />
          {course.next ? <Text size="sm" fw={600}>{t('paths.next')}</Text> : null}
        </Group>
        {course.next ? (
          <Group>
            <Button component={Link} to={`/learning/courses/${course.id}`} size="xs">
              {t(action)}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** /learning/paths/:id — a learning path's courses in order, what is done, what is next, its certificate. */
export function PathRoute() {
  const { t } = useTranslation('learning');
  const { id = '' } = useParams();
  const path = useLearningPath(id);
  if (path.isPending) return <Skeleton height={240} aria-busy="true" />;
  if (path.error) return <ErrorAlert error={path.error} onRetry={() => void path.refetch()} />;
  const p = path.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/learning" size="sm">
        {t('paths.back')}
      </Anchor>
      <Title order={1} dir="auto">
        {p.title}
      </Title>
      {p.summary ? <Text dir="auto">{p.summary}</Text> : null}
      <Group gap="xs">
        <PathStateBadge path={p} />
        <Text>{t('paths.coursesDone', { done: p.completedCourses, count: p.totalCourses })}</Text>
      </Group>
      <Progress value={p.progressPercent} aria-label={t('paths.progress', { percent: p.progressPercent })} />
      {p.certificate ? (
        <Alert color={p.certificate.certificateId ? 'teal' : 'blue'} variant="light" title={t('paths.certificateTitle')}>
          <Stack gap={6}>
            <Text>{t(p.certificate.certificateId ? 'paths.certificateHeld' : 'paths.leadsTo', { name: p.certificate.name })}</Text>
            {p.certificate.certificateId ? (
              <Anchor component={Link} to="/certificates">
                {t('mine.certificate')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <section aria-labelledby="path-courses">
        <Title order={2} size="h3" id="path-courses" mb="xs">
          {t('paths.courses')}
        </Title>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.courses.map((course, index) => (
            <Step key={course.id} course={course} position={index + 1} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
