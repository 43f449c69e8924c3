import { Anchor, Badge, List, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { openLessons } from '../offline/learn-offline';
import { useCourseAttempts, useSavedCourse } from '../offline/use-offline-store';

/** A saved course, opened from the device: its lessons and what is done. */
export function OfflineCourseRoute() {
  const { t } = useTranslation('learningOffline');
  const { courseId = '' } = useParams();
  const saved = useSavedCourse(courseId);
  const attempts = useCourseAttempts(courseId).data ?? [];
  if (saved.loading) return null;
  if (!saved.data) {
    return (
      <Stack>
        {/* The screen's heading says why there is nothing to show (a screen reader jumps to it). */}
        <Title order={1} size="h3">
          {t('course.notSaved')}
        </Title>
        <Anchor component={Link} to="/learning/downloads">
          {t('downloads.title')}
        </Anchor>
      </Stack>
    );
  }
  const pkg = saved.data.package;
  const open = openLessons(pkg.lessons, attempts);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/learning/downloads" size="sm">
        {t('downloads.title')}
      </Anchor>
      <Title order={1} dir="auto" data-testid="offline-course-title">
        {pkg.title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('course.savedVersion', { number: pkg.versionNumber })}
      </Text>
      <List spacing="xs" listStyleType="none" p={0} data-testid="offline-lessons">
        {pkg.lessons.map((lesson) => (
          <List.Item key={lesson.id}>
            {open.has(lesson.id) ? (
              <Anchor component={Link} to={`/learning/offline/${courseId}/lessons/${lesson.id}`} dir="auto">
                {lesson.title}
              </Anchor>
            ) : (
              <Text span c="dimmed" dir="auto">
                {lesson.title}
              </Text>
            )}{' '}
            {lesson.status === 'COMPLETED' || lesson.quiz?.passed ? (
              <Badge color="teal" variant="light" size="sm">
                {t('lesson.done')}
              </Badge>
            ) : !open.has(lesson.id) ? (
              <Badge color="gray" variant="light" size="sm">
                {t('lesson.locked')}
              </Badge>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
