import { Alert, Anchor, Button, Popover, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { dismissKept } from '../offline/sync-queue';
import { setMeta } from '../offline/offline-db';
import { useMeta, useOfflineUserId, useQueue, useSavedCourses } from '../offline/use-offline-store';
import { useSyncDriver } from '../offline/use-sync-driver';

/**
 * The header's sync state: offline or not, how many changes wait, the last sync, and anything
 * the server could not count (with its reason); the learner can send again. Also drives the
 * sync itself (app start, reconnect, new changes).
 */
export function SyncIndicator() {
  const { t } = useTranslation('learningOffline');
  const tErrors = useErrorMessage();
  const format = useFormatters();
  const userId = useOfflineUserId();
  const { sync, syncing, error, online } = useSyncDriver();
  const queue = useQueue().data ?? [];
  const courses = useSavedCourses().data ?? [];
  const lastSyncAt = useMeta<string>('lastSyncAt').data;
  const completed = useMeta<string[]>('completedCourses').data ?? [];
  const waiting = queue.filter((item) => item.status === 'waiting').length;
  const kept = queue.filter((item) => item.status === 'kept');
  const titleOf = (courseId: string) => courses.find((c) => c.courseId === courseId)?.package.title ?? '';
  const { t: tErr } = useTranslation('errors');

  const label = !online
    ? t('indicator.offline', { count: waiting })
    : kept.length > 0
      ? t('indicator.attention', { count: kept.length })
      : waiting > 0
        ? t('indicator.waiting', { count: waiting })
        : t('indicator.synced');

  // The header stays one line on a small phone: a short mark, the full state for screen readers.
  const short = !online ? t('indicator.offlineShort', { count: waiting }) : kept.length > 0 ? `! ${kept.length}` : waiting > 0 ? `⇅ ${waiting}` : '✓';

  return (
    <Popover width={300} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          variant={kept.length > 0 || !online ? 'light' : 'subtle'}
          color={kept.length > 0 ? 'orange' : !online ? 'gray' : 'blue'}
          size="compact-sm"
          data-testid="sync-indicator"
          data-waiting={waiting}
          data-kept={kept.length}
          data-online={online}
          aria-label={t('indicator.label', { state: label })}
          title={label}
        >
          <span aria-hidden="true">{short}</span>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="sync-details">
          <Text size="sm">{online ? t('details.online') : t('details.offline')}</Text>
          <Text size="sm">{t('details.waiting', { count: waiting })}</Text>
          <Text size="sm" c="dimmed">
            {lastSyncAt ? t('details.lastSync', { time: format.dateTime(lastSyncAt) }) : t('details.neverSynced')}
          </Text>
          {error ? (
            <Text size="sm" c="red" role="alert">
              {t('details.failed', { reason: tErrors(error) })}
            </Text>
          ) : null}
          {kept.map((item) => (
            <Alert key={item.seq} color="orange" variant="light" p="xs" data-testid="sync-kept">
              <Text size="sm" fw={600}>
                {t(`kept.${item.event.type}`, { course: titleOf(item.courseId) })}
              </Text>
              <Text size="sm">{tErr(item.reason ?? 'INTERNAL', { defaultValue: tErr('INTERNAL') })}</Text>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void dismissKept(userId, item.seq!)}>
                {t('kept.dismiss')}
              </Button>
            </Alert>
          ))}
          {completed.map((courseId) => (
            <Alert key={courseId} color="teal" variant="light" p="xs" data-testid="sync-completed">
              <Text size="sm">{t('completed', { course: titleOf(courseId) })}</Text>
              <Anchor component={Link} to="/certificates" size="sm">
                {t('certificates')}
              </Anchor>{' '}
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void setMeta(userId, 'completedCourses', completed.filter((id) => id !== courseId))}>
                {t('kept.dismiss')}
              </Button>
            </Alert>
          ))}
          <Button size="xs" onClick={() => void sync()} loading={syncing} disabled={!online} data-testid="sync-now">
            {t('details.syncNow')}
          </Button>
          <Anchor component={Link} to="/learning/downloads" size="sm">
            {t('downloads.title')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
