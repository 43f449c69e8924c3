import '../components/course-authoring-styles';
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Center, Group, NativeSelect, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COURSE_STATUSES, type CourseStatus } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useAuthoredCourses, type CourseListFilters } from '../api/list-courses';

/** The courses this person authors (leaders: their organisation's; coordinators: the network's). */
export function CourseListRoute() {
  const { t } = useTranslation('courseAuthoring');
  const [draftQ, setDraftQ] = useState('');
  const [filters, setFilters] = useState<CourseListFilters>({});
  const courses = useAuthoredCourses(filters);
  const items = courses.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.intro')}</Text>
        </div>
        <Group>
          <Button component={Link} to="/course-authoring/paths" variant="default">
            {t('paths.title')}
          </Button>
          <Button component={Link} to="/course-authoring/new" data-testid="new-course">
            {t('list.new')}
          </Button>
        </Group>
      </Group>
      <Group align="end" component="form" role="search" onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        setFilters({ ...filters, q: draftQ.trim() || undefined });
      }}>
        <TextInput label={t('list.search')} type="search" value={draftQ} onChange={(e) => setDraftQ(e.currentTarget.value)} maxLength={200} />
        <NativeSelect label={t('list.status')} value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.currentTarget.value || undefined) as CourseStatus | undefined })}>
          <option value="">{t('list.allStatuses')}</option>
          {COURSE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="default">
          {t('actions.search')}
        </Button>
      </Group>
      {courses.isPending ? (
        <Stack aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={72} />
          ))}
        </Stack>
      ) : courses.error && items.length === 0 ? (
        <ErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />
      ) : items.length === 0 ? (
        <Text role="status">{t('list.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((course) => (
            <Card key={course.id} withBorder padding="sm" component="li">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/course-authoring/courses/${course.id}`} fw={600} dir="auto">
                    {course.title || t('list.untitled')}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {course.organisationName ?? t('list.networkCourse')}
                    {course.publishedVersionNumber ? ` · ${t('list.publishedVersion', { number: course.publishedVersionNumber })}` : ''}
                    {course.draftVersionNumber ? ` · ${t('list.draftVersion', { number: course.draftVersionNumber })}` : ''}
                  </Text>
                </Stack>
                <Badge variant="light" color={course.status === 'PUBLISHED' ? 'green' : course.status === 'DRAFT' ? 'blue' : 'gray'}>
                  {t(`statuses.${course.status}`)}
                </Badge>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {courses.hasNextPage ? (
        <Center>
          <Button variant="default" loading={courses.isFetchingNextPage} onClick={() => void courses.fetchNextPage()}>
            {t('list.loadMore')}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}
