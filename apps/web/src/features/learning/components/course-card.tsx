import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@tadamon/shared';
import { LearnerStateBadge } from './learner-state-badge';
import { inLanguage } from '../../../components/in-language';

/** The topic's label from the library's vocabulary (courses share the library's topics). */
export function useTopicLabel() {
  const { t } = useTranslation('materials');
  return (item: Pick<CatalogueItem, 'standardTopic' | 'customTopic'>) =>
    item.customTopic?.name ?? (item.standardTopic ? t(`topics.${item.standardTopic}`) : '');
}

export function CourseCard({ course }: { course: CatalogueItem }) {
  const { t } = useTranslation('learning');
  const topic = useTopicLabel();
  return (
    <Card component="li" withBorder padding="md" data-testid="course-card">
      <Stack gap={6}>
        <Anchor component={Link} to={`/learning/courses/${course.id}`} fw={600} {...inLanguage(course.language)}>
          {course.title}
        </Anchor>
        {course.summary ? (
          <Text size="sm" c="dimmed" lineClamp={2} {...inLanguage(course.language)}>
            {course.summary}
          </Text>
        ) : null}
        <Group gap={6}>
          {topic(course) ? <Badge variant="outline" color="gray">{topic(course)}</Badge> : null}
          <Badge variant="outline" color="gray">
            {t('card.minutes', { minutes: course.estimatedMinutes })}
          </Badge>
        </Group>
        <LearnerStateBadge learner={course.learner} />
        {course.lockedBy.length > 0 ? (
          <Text size="sm" c="orange.8">
            {t('card.lockedBy', { courses: course.lockedBy.map((c) => c.title).join(', ') })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
