import '../learning.css';
import { useCallback, useEffect, useRef } from 'react';
import { Anchor, Button, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useLesson } from '../api/get-lesson';
import { useSaveProgress } from '../api/save-progress';
import { LessonMaterial } from '../components/lesson-material';
import { LessonQuizPanel } from '../components/lesson-quiz-panel';
import { PracticalPanel } from '../components/practical-panel';
import { MarkdownHtml } from '../../../components/markdown-html';
import { inLanguage } from '../../../components/in-language';

/** The lesson player: text, material, quiz or practical task, "mark as done", previous / next. */
export function LessonRoute() {
  const { t } = useTranslation('learning');
  const { enrolmentId = '', lessonId = '' } = useParams();
  const navigate = useNavigate();
  const lesson = useLesson(enrolmentId, lessonId);
  const save = useSaveProgress(enrolmentId, lessonId);
  const announced = useRef<string | null>(null);
  const data = lesson.data;

  // "Started" once per lesson opened: it is what "resume" and practical lessons rely on.
  useEffect(() => {
    if (!data || data.enrolmentStatus === 'WITHDRAWN' || announced.current === lessonId) return;
    announced.current = lessonId;
    if (data.status === 'NOT_STARTED' || data.enrolmentStatus === 'ACTIVE') save.mutate({ event: 'started' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, lessonId]);

  const { mutate } = save;
  const onPosition = useCallback((seconds: number) => mutate({ event: 'position', positionSeconds: seconds }), [mutate]);

  if (lesson.isPending) return <Skeleton height={320} aria-busy="true" />;
  if (lesson.error || !data) {
    return (
      <Stack>
        <ErrorAlert error={lesson.error} onRetry={() => void lesson.refetch()} />
        <Anchor component={Link} to="/learning/mine">
          {t('mine.title')}
        </Anchor>
      </Stack>
    );
  }
  const lessonUrl = (id: string) => `/learning/enrolments/${enrolmentId}/lessons/${id}`;
  const canMarkDone = !data.quiz && !data.practical && data.status !== 'COMPLETED' && data.enrolmentStatus !== 'WITHDRAWN';
  const retrying = save.isPending && save.failureCount > 0;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/learning/courses/${data.courseId}`} size="sm" dir="auto">
        {data.courseTitle}
      </Anchor>
      <Progress value={data.progressPercent} size="sm" aria-label={t('course.progress', { percent: data.progressPercent })} />
      <div {...inLanguage(data.language)}>
        <Text size="sm" c="dimmed">
          {data.moduleTitle}
        </Text>
        <Title order={1} data-testid="lesson-title">
          {data.title}
        </Title>
      </div>
      {data.materialId ? <LessonMaterial materialId={data.materialId} resumeAt={data.positionSeconds} onPosition={onPosition} /> : null}
      {data.bodyHtml ? (
        <MarkdownHtml className="lesson-body" language={data.language} html={data.bodyHtml} />
      ) : null}
      {data.quiz ? <LessonQuizPanel quiz={data.quiz} quizUrl={`${lessonUrl(lessonId)}/quiz`} /> : null}
      {data.practical ? <PracticalPanel practical={data.practical} /> : null}
      {data.status === 'COMPLETED' ? (
        <Text c="teal.8" fw={600} role="status" data-testid="lesson-done">
          {t('lesson.done')}
        </Text>
      ) : null}
      {retrying ? (
        <Text size="sm" c="orange.8" role="status">
          {t('lesson.savingRetry')}
        </Text>
      ) : null}
      <ErrorAlert error={save.error} onRetry={() => save.reset()} />
      <Group justify="space-between" gap="sm">
        {data.previousLessonId ? (
          <Button variant="default" component={Link} to={lessonUrl(data.previousLessonId)}>
            {t('lesson.previous')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="sm">
          {canMarkDone ? (
            <Button onClick={() => save.mutate({ event: 'completed' })} loading={save.isPending && save.variables?.event === 'completed'} data-testid="mark-done">
              {t('lesson.markDone')}
            </Button>
          ) : null}
          {data.nextLessonId ? (
            <Button
              variant={canMarkDone ? 'default' : 'filled'}
              disabled={!data.nextUnlocked}
              onClick={() => void navigate(lessonUrl(data.nextLessonId!))}
              data-testid="next-lesson"
            >
              {t('lesson.next')}
            </Button>
          ) : (
            <Button variant={canMarkDone ? 'default' : 'filled'} component={Link} to={`/learning/courses/${data.courseId}`} data-testid="back-to-course">
              {t('lesson.backToCourse')}
            </Button>
          )}
        </Group>
      </Group>
      {data.nextLessonId && !data.nextUnlocked ? (
        <Text size="sm" c="dimmed">
          {t('lesson.nextLocked')}
        </Text>
      ) : null}
    </Stack>
  );
}
