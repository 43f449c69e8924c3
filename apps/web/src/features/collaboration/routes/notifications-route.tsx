import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { usePreference, useSetPreference, type EmailMode } from '../api/notification-preference';
import { NotificationText } from '../components/notification-text';
import '../components/collaboration.css';

/** The notification centre: newest first, mark read, and how e-mail should come. */
export function NotificationsRoute() {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const preference = usePreference();
  const setPreference = useSetPreference();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('notifications.title')}</Title>
        {notifications.data && notifications.data.unreadCount > 0 ? (
          <Button variant="default" loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding="md">
        <NativeSelect
          label={t('notifications.emailMode')}
          data={(['IMMEDIATE', 'DAILY', 'OFF'] as const).map((value) => ({ value, label: t(`notifications.modes.${value}`) }))}
          value={preference.data?.emailMode ?? 'IMMEDIATE'}
          disabled={preference.isPending || setPreference.isPending}
          onChange={(e) => setPreference.mutate(e.currentTarget.value as EmailMode)}
        />
        <ErrorAlert error={setPreference.error} />
      </Card>
      {notifications.isPending ? (
        <PageSkeleton lines={4} />
      ) : notifications.error ? (
        <ErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : notifications.data.items.length === 0 ? (
        <Text>{t('notifications.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="collab-plain-list" data-testid="notifications">
          {notifications.data.items.map((n) => (
            <Card key={n.id} withBorder padding="sm" component="li">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={n.link} onClick={() => (n.read ? undefined : markRead.mutate([n.id]))} fw={n.read ? 400 : 700}>
                  <NotificationText notification={n} />
                </Anchor>
                <Group gap="xs">
                  {n.read ? null : <Badge size="sm">{t('notifications.unread')}</Badge>}
                  <Text size="xs" c="dimmed">
                    {format.dateTime(n.createdAt)}
                  </Text>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
