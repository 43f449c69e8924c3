import '../components/course-authoring-styles';
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type AuthoringLearningPath } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { LANGUAGES } from '../../../lib/languages';
import { useChangePath, usePath, type PathChange } from '../api/learning-paths';
import { useAuthoredCourses } from '../api/list-courses';
import { LocalisedFields, compact } from '../components/localised-fields';
import { ReorderButtons, moved } from '../components/reorder-buttons';

/** One learning path: its texts, its ordered courses, publish and archive. */
export function LearningPathRoute() {
  const { id = '' } = useParams();
  const path = usePath(id);
  // Held here, not in the editor: a conflict replaces the path (and remounts the editor) but
  // the message saying so must stay.
  const change = useChangePath(id, path.data?.revision ?? 0);
  if (path.isPending) return <Skeleton height={240} aria-busy="true" />;
  if (path.error) return <ErrorAlert error={path.error} onRetry={() => void path.refetch()} />;
  return <PathEditor key={path.data.revision} path={path.data} change={change} />;
}

function PathEditor({ path, change }: { path: AuthoringLearningPath; change: ReturnType<typeof useChangePath> }) {
  const { t } = useTranslation('courseAuthoring');
  const [titles, setTitles] = useState(path.titles);
  const [summaries, setSummaries] = useState(path.summaries);
  const [courses, setCourses] = useState(path.courses);
  const [choice, setChoice] = useState('');
  const candidates = useAuthoredCourses({});
  useEffect(() => setCourses(path.courses), [path.courses]);
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (c) => c.networkId === path.networkId && (c.organisationId === null || c.organisationId === path.organisationId) && !courses.some((x) => x.id === c.id),
  );
  const send = (next: PathChange) => change.mutate(next);
  const problems = isApiError(change.error) && change.error.code === 'COURSE_PUBLISH_BLOCKED'
    ? ((change.error.details as { problems?: { code: string; courseId?: string }[] }).problems ?? [])
    : [];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/course-authoring/paths" size="sm">
        {t('paths.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1} dir="auto">{path.title}</Title>
        <Badge variant="light">{t(`statuses.${path.status}`)}</Badge>
      </Group>
      {isApiError(change.error) && change.error.code === 'CONFLICT' ? (
        <Alert color="orange" role="alert" title={t('conflict.title')}>{t('conflict.body')}</Alert>
      ) : problems.length > 0 ? (
        <Alert color="red" role="alert" title={t('publish.blockedTitle')}>
          {problems.map((p, i) => (
            <Text key={i} size="sm">
              {p.code === 'pathEmpty' ? t('paths.problems.empty') : t('paths.problems.notPublished', { title: path.courses.find((c) => c.id === p.courseId)?.title ?? '' })}
            </Text>
          ))}
        </Alert>
      ) : (
        <ErrorAlert error={change.error} />
      )}
      <Card withBorder padding="md">
        <Stack gap="sm">
          <LocalisedFields label={t('fields.title')} languages={[...LANGUAGES]} value={titles} onChange={setTitles} maxLength={TEXT_LIMITS.title} />
          <LocalisedFields label={t('fields.summary')} languages={[...LANGUAGES]} value={summaries} onChange={setSummaries} maxLength={TEXT_LIMITS.summary} multiline />
          <Title order={2} size="h4">{t('paths.courses')}</Title>
          {courses.length === 0 ? <Text c="dimmed">{t('paths.noCourses')}</Text> : null}
          <Stack gap={4} component="ol" className="course-lessons">
            {courses.map((course, index) => (
              <li key={course.id}>
                <Group justify="space-between" wrap="wrap">
                  <Group gap={6}>
                    <Text dir="auto">{course.title}</Text>
                    {course.status !== 'PUBLISHED' ? <Badge size="sm" color="gray">{t(`statuses.${course.status}`)}</Badge> : null}
                  </Group>
                  <Group gap={4}>
                    <ReorderButtons index={index} count={courses.length} name={course.title}
                      onMove={(to) => setCourses(moved(courses.map((c) => c.id), index, to).map((cid) => courses.find((c) => c.id === cid)!))} />
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setCourses(courses.filter((c) => c.id !== course.id))}>
                      {t('actions.remove')}
                    </Button>
                  </Group>
                </Group>
              </li>
            ))}
          </Stack>
          <Group align="end">
            <NativeSelect label={t('paths.addCourse')} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="">{t('prerequisites.choose')}</option>
              {options.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </NativeSelect>
            <Button variant="default" disabled={!choice} onClick={() => {
              const picked = options.find((c) => c.id === choice);
              if (picked) setCourses([...courses, { id: picked.id, title: picked.title, status: picked.status }]);
              setChoice('');
            }}>
              {t('paths.add')}
            </Button>
          </Group>
          <Group>
            <Button loading={change.isPending} onClick={() => send({ action: 'update', body: { titles: compact(titles), summaries: compact(summaries), courseIds: courses.map((c) => c.id) } })}>
              {t('actions.save')}
            </Button>
            {path.status !== 'PUBLISHED' && path.status !== 'ARCHIVED' ? (
              <Button color="green" variant="light" loading={change.isPending} onClick={() => send({ action: 'publish' })}>
                {t('paths.publish')}
              </Button>
            ) : null}
            <Button variant="subtle" color="gray" loading={change.isPending} onClick={() => send({ action: path.status === 'ARCHIVED' ? 'unarchive' : 'archive' })}>
              {path.status === 'ARCHIVED' ? t('publish.unarchive') : t('publish.archive')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">{t('paths.saveHint')}</Text>
        </Stack>
      </Card>
    </Stack>
  );
}
