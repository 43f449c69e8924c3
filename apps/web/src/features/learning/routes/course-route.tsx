import { Alert, Anchor, Badge, Button, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useEnrol } from '../api/enrol';
import { awaitingCertificate, useLearnerCourse } from '../api/get-course';
import { CertificateLeadsTo } from '../components/certificate-leads-to';
import { useWithdraw } from '../api/withdraw';
import { useTopicLabel } from '../components/course-card';
import { CourseOutline } from '../components/course-outline';
import { LearnerStateBadge } from '../components/learner-state-badge';
import { SaveOfflineButton } from '../components/save-offline-button';
import { inLanguage } from '../../../components/in-language';

/** A course as a learner sees it: outline, state, and one main action (enrol / continue / review). */
export function CourseRoute() {
  const { t } = useTranslation('learning');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormatters();
  const topic = useTopicLabel();
  const course = useLearnerCourse(id);
  const enrol = useEnrol(id);
  const withdraw = useWithdraw(id);

  if (course.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (course.error) return <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  const enrolmentId = c.learner.enrolmentId;
  const firstLesson = c.modules[0]?.lessons[0]?.id;
  const resume = c.resumeLessonId ?? firstLesson;

  const start = () =>
    enrol.mutate(undefined, {
      onSuccess: ({ enrolmentId: id }) => {
        if (firstLesson) void navigate(`/learning/enrolments/${id}/lessons/${firstLesson}`);
      },
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/learning" size="sm">
        {t('course.back')}
      </Anchor>
      <div {...inLanguage(c.language)}>
        <Title order={1} data-testid="course-title">
          {c.title}
        </Title>
        {c.summary ? <Text mt="xs">{c.summary}</Text> : null}
      </div>
      <Group gap={6}>
        {topic(c) ? <Badge variant="outline" color="gray">{topic(c)}</Badge> : null}
        <Badge variant="outline" color="gray">
          {t('card.minutes', { minutes: c.estimatedMinutes })}
        </Badge>
        {c.organisationName ? <Badge variant="outline" color="gray">{c.organisationName}</Badge> : null}
      </Group>
      <LearnerStateBadge learner={c.learner} />
      {c.learner.state !== 'COMPLETED' ? <CertificateLeadsTo leadsTo={c.leadsTo} /> : null}
      {c.learner.state !== 'NOT_ENROLLED' ? (
        <Progress value={c.learner.progressPercent} aria-label={t('course.progress', { percent: c.learner.progressPercent })} />
      ) : null}
      {c.cohort ? (
        <Text size="sm">{t('course.cohort', { name: c.cohort.name, start: format.date(c.cohort.startsAt), end: format.date(c.cohort.endsAt) })}</Text>
      ) : null}
      {c.learner.state === 'COMPLETED' ? (
        <Alert color="teal" role="status" data-testid="course-completed">
          <Stack gap={6}>
            <Text size="sm">{t('course.completedOn', { date: format.date(c.learner.completedAt ?? new Date().toISOString()) })}</Text>
            {c.certificateId ? (
              <Group gap="sm">
                <Text size="sm" fw={600}>{t('leadsTo.issued')}</Text>
                <Button component={Link} to="/certificates" size="xs" data-testid="open-certificate">
                  {t('leadsTo.open')}
                </Button>
              </Group>
            ) : awaitingCertificate(c) ? (
              <Text size="sm" data-testid="certificate-issuing">{t('leadsTo.issuing')}</Text>
            ) : null}
            <CertificateLeadsTo leadsTo={c.leadsTo} />
          </Stack>
        </Alert>
      ) : null}
      {c.lockedBy.length > 0 ? (
        <Alert color="orange" role="note">
          {t('course.prerequisites')}
          <ul>
            {c.lockedBy.map((required) => (
              <li key={required.id}>
                <Anchor component={Link} to={`/learning/courses/${required.id}`}>
                  {required.title}
                </Anchor>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Group gap="sm">
        {enrolmentId && resume ? (
          <Button component={Link} to={`/learning/enrolments/${enrolmentId}/lessons/${resume}`} data-testid="continue-course">
            {c.learner.state === 'COMPLETED' ? t('course.review') : c.learner.state === 'IN_PROGRESS' ? t('course.continue') : t('course.start')}
          </Button>
        ) : c.canSelfEnrol && c.lockedBy.length === 0 ? (
          <Button onClick={start} loading={enrol.isPending} data-testid="enrol">
            {t('course.enrol')}
          </Button>
        ) : !enrolmentId ? (
          <Text c="dimmed">{t('course.assignedOnly')}</Text>
        ) : null}
        {enrolmentId && c.learner.source === 'SELF' && (c.learner.state === 'IN_PROGRESS' || c.learner.state === 'NOT_STARTED') ? (
          <Button variant="subtle" color="gray" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
            {t('course.withdraw')}
          </Button>
        ) : null}
      </Group>
      {enrolmentId && c.learner.state !== 'NOT_ENROLLED' ? (
        <Group gap="sm">
          <SaveOfflineButton courseId={c.id} />
        </Group>
      ) : null}
      <ErrorAlert error={enrol.error ?? withdraw.error} />
      <CourseOutline course={c} />
    </Stack>
  );
}
