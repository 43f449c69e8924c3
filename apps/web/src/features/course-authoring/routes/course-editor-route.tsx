import '../components/course-authoring-styles';
import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useCourseTree } from '../api/get-course';
import { CourseEditorProvider, useEditor } from '../components/editor-context';
import { EditorMessages } from '../components/editor-messages';
import { pick } from '../components/localised-fields';
import { OutlineCard } from '../components/outline-card';
import { PrerequisitesCard } from '../components/prerequisites-card';
import { PublishingCard } from '../components/publishing-card';
import { QuestionBankCard } from '../components/question-bank-card';
import { SettingsCard } from '../components/settings-card';

/** One course: the draft being edited (or a published/retired version, read-only, with ?version=). */
export function CourseEditorRoute() {
  const { t } = useTranslation('courseAuthoring');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const versionId = params.get('version');
  const tree = useCourseTree(id, versionId);
  if (tree.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton height={40} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (tree.error) {
    return (
      <Stack>
        <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />
        <Anchor component={Link} to="/course-authoring">
          {t('editor.back')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <CourseEditorProvider tree={tree.data} versionId={versionId}>
      <EditorScreen />
    </CourseEditorProvider>
  );
}

function EditorScreen() {
  const { t, i18n } = useTranslation('courseAuthoring');
  const navigate = useNavigate();
  const { tree, error, clearError, readOnly } = useEditor();
  const { course, version } = tree;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/course-authoring" size="sm">
        {t('editor.back')}
      </Anchor>
      <Group justify="space-between" align="start" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} dir="auto">
            {pick(version.titles, i18n.language) || t('list.untitled')}
          </Title>
          <Text size="sm" c="dimmed">
            {course.organisationName ?? t('list.networkCourse')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color={course.status === 'PUBLISHED' ? 'green' : course.status === 'DRAFT' ? 'blue' : 'gray'}>
            {t(`statuses.${course.status}`)}
          </Badge>
          <Badge variant="outline">{t('editor.versionState', { number: version.number, state: t(`versionStates.${version.state}`) })}</Badge>
        </Group>
      </Group>
      {readOnly ? (
        <Alert color="blue" variant="light" data-testid="read-only-notice">
          {t('editor.readOnly')}
        </Alert>
      ) : null}
      <div aria-live="polite">
        <EditorMessages error={error} tree={tree} onClose={clearError} />
      </div>
      <PublishingCard onShowVersion={(versionId) => void navigate(versionId ? `?version=${versionId}` : '?', { replace: true })} />
      <SettingsCard key={`settings-${version.id}`} />
      <OutlineCard />
      <QuestionBankCard />
      <PrerequisitesCard />
    </Stack>
  );
}
