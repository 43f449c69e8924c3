import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from './format-date';
import { useEditor } from './editor-context';

/** Versions and the life cycle: publish the draft, start a new version, discard a draft, archive. */
export function PublishingCard({ onShowVersion }: { onShowVersion: (versionId: string | null) => void }) {
  const { t, i18n } = useTranslation('courseAuthoring');
  const { tree, change, pending } = useEditor();
  const { course, version } = tree;
  const isDraft = version.state === 'DRAFT';
  const [confirming, setConfirming] = useState(false);
  const publish = () => {
    setConfirming(false);
    void change({ method: 'POST', path: `/versions/${version.id}/publish` });
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="publishing-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="publishing-heading">
          {t('publish.heading')}
        </Title>
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {course.versions.map((v) => (
            <li key={v.id}>
              <Group gap="xs">
                <Button size="compact-sm" variant={v.id === version.id ? 'filled' : 'subtle'} aria-current={v.id === version.id ? 'page' : undefined}
                  component={Link} to={v.state === 'DRAFT' ? '?' : `?version=${v.id}`} replace>
                  {t('publish.versionNumber', { number: v.number })}
                </Button>
                <Badge size="sm" variant="light" color={v.state === 'PUBLISHED' ? 'green' : v.state === 'DRAFT' ? 'blue' : 'gray'}>
                  {t(`versionStates.${v.state}`)}
                </Badge>
                {v.publishedAt ? <Text size="xs" c="dimmed">{formatDate(v.publishedAt, i18n.language)}</Text> : null}
              </Group>
            </li>
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          {isDraft ? t('publish.draftHint') : t('publish.frozenHint')}
        </Text>
        <Group>
          {isDraft ? (
            <Button color="green" loading={pending} onClick={() => setConfirming(true)} data-testid="publish">
              {t('publish.publish', { number: version.number })}
            </Button>
          ) : null}
          {!course.draftVersionId && course.publishedVersionId ? (
            <Button variant="default" loading={pending} onClick={() => void change({ method: 'POST', path: `/courses/${course.id}/versions` }).then((ok) => ok && onShowVersion(null))} data-testid="new-version">
              {t('publish.newVersion')}
            </Button>
          ) : null}
          {isDraft && course.publishedVersionId ? (
            <Button variant="subtle" color="red" loading={pending} onClick={() => {
              if (window.confirm(t('publish.confirmDiscard'))) void change({ method: 'DELETE', path: `/versions/${version.id}` });
            }}>
              {t('publish.discard')}
            </Button>
          ) : null}
          {course.status === 'ARCHIVED' ? (
            <Button variant="default" loading={pending} onClick={() => void change({ method: 'POST', path: `/courses/${course.id}/unarchive` })}>
              {t('publish.unarchive')}
            </Button>
          ) : (
            <Button variant="subtle" color="gray" loading={pending} onClick={() => {
              if (window.confirm(t('publish.confirmArchive'))) void change({ method: 'POST', path: `/courses/${course.id}/archive` });
            }}>
              {t('publish.archive')}
            </Button>
          )}
        </Group>
      </Stack>
      {/* Publishing cannot be taken back: ask, and offer to look at it as a learner first. */}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('publish.confirmTitle', { number: version.number })} centered>
        <Stack gap="md">
          <Text>{t('publish.confirmMessage')}</Text>
          <Group justify="flex-end" wrap="wrap">
            <Button component={Link} to={`/course-authoring/courses/${course.id}/preview`} variant="light" data-testid="preview-as-learner">
              {t('publish.previewAsLearner')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('publish.cancel')}
            </Button>
            <Button color="green" onClick={publish} data-testid="confirm-publish">
              {t('publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
