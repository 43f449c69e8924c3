import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useOnline } from '../../../lib/use-online';
import type { SavedCourse } from '../offline/offline-db';
import { planSave, removeCourse, saveCourse } from '../offline/save-course';
import { useOfflineUserId, useQueue, useSavedCourses } from '../offline/use-offline-store';
import { useSize } from '../offline/use-size';

function SavedCourseCard({ saved }: { saved: SavedCourse }) {
  const { t } = useTranslation('learningOffline');
  const format = useFormatters();
  const size = useSize();
  const online = useOnline();
  const userId = useOfflineUserId();
  const waiting = (useQueue().data ?? []).filter((item) => item.courseId === saved.courseId && item.status === 'waiting').length;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const state = saved.state === 'partial' ? 'partial' : saved.package.newerVersionPublished ? 'newer' : 'upToDate';

  // Updating keeps the learner's version and progress: the package is always their enrolment's.
  const update = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveCourse(userId, await planSave(saved.courseId, saved.media, saved), saved.media);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="saved-course">
      <Stack gap={6}>
        <Anchor component={Link} to={`/learning/offline/${saved.courseId}`} fw={600} dir="auto" data-testid="open-saved-course">
          {saved.package.title}
        </Anchor>
        <Group gap={6}>
          <Badge color={state === 'upToDate' ? 'teal' : 'orange'} variant="light" data-testid="saved-state">
            {t(`downloads.state.${state}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('downloads.meta', { size: size(saved.sizeBytes), date: format.date(saved.savedAt) })}
          </Text>
        </Group>
        {waiting > 0 ? <Text size="sm">{t('downloads.waiting', { count: waiting })}</Text> : null}
        <ErrorAlert error={error} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => void update()} loading={busy} disabled={!online}>
            {saved.state === 'partial' ? t('save.resume') : t('downloads.update')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => void removeCourse(userId, saved.courseId)} data-testid="remove-saved-course">
            {t('downloads.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The courses saved on this device for this account. */
export function DownloadsRoute() {
  const { t } = useTranslation('learningOffline');
  const courses = useSavedCourses();
  const list = courses.data ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('downloads.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('downloads.intro')}
      </Text>
      {!courses.loading && list.length === 0 ? <Text data-testid="downloads-empty">{t('downloads.empty')}</Text> : null}
      {list.map((saved) => (
        <SavedCourseCard key={saved.courseId} saved={saved} />
      ))}
    </Stack>
  );
}
