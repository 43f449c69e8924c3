import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LearnerCourse } from '@tadamon/shared';
import { CheckIcon, CircleIcon, LockIcon } from '../../../components/icons';

/** Modules and lessons; done lessons are marked, locked ones are not links (no skipping ahead). */
export function CourseOutline({ course }: { course: LearnerCourse }) {
  const { t } = useTranslation('learning');
  const enrolmentId = course.learner.enrolmentId;
  return (
    <Stack gap="md" component="section" aria-labelledby="outline-title">
      <Title order={2} size="h3" id="outline-title">
        {t('course.outline')}
      </Title>
      {course.modules.map((module, moduleIndex) => (
        <Stack key={module.id} gap={4}>
          <Text fw={600} dir="auto">
            {t('course.module', { number: moduleIndex + 1, title: module.title })}
          </Text>
          <List spacing={6} listStyleType="none" ps={0} data-testid="outline-lessons">
            {module.lessons.map((lesson) => (
              <List.Item key={lesson.id}>
                <Group gap={8} wrap="nowrap" align="start">
                  <Text component="span" aria-hidden="true" w={20} ta="center">
                    {lesson.done ? <CheckIcon /> : lesson.locked ? <LockIcon /> : <CircleIcon />}
                  </Text>
                  <Stack gap={2}>
                    {enrolmentId && !lesson.locked ? (
                      <Anchor component={Link} to={`/learning/enrolments/${enrolmentId}/lessons/${lesson.id}`} dir="auto">
                        {lesson.title}
                      </Anchor>
                    ) : (
                      <Text component="span" c="dimmed" dir="auto">
                        {lesson.title}
                      </Text>
                    )}
                    <Group gap={4}>
                      <Text span size="xs" c="dimmed">
                        {lesson.done ? t('lesson.statusDone') : lesson.locked && enrolmentId ? t('lesson.statusLocked') : t('card.minutes', { minutes: lesson.estimatedMinutes })}
                      </Text>
                      {lesson.hasMaterial ? <Badge size="xs" variant="outline" color="gray">{t('course.hasMaterial')}</Badge> : null}
                      {lesson.hasQuiz ? <Badge size="xs" variant="outline" color="gray">{t('course.hasQuiz')}</Badge> : null}
                      {lesson.requiresPractical ? <Badge size="xs" variant="outline" color="gray">{t('course.hasPractical')}</Badge> : null}
                    </Group>
                  </Stack>
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}
