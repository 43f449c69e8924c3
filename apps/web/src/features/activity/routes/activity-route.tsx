import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useAuditEvents, type AuditEvent } from '../api/get-audit-events';

/** Audit actions are dotted ("auth.sign_in"); translation keys cannot contain the dot. */
const keyOf = (action: string) => `activity:actions.${action.replace(/\./g, '_')}`;

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('activity');
  const format = useFormatters();
  const someone = t('activity:someone');
  const sentence = t(keyOf(event.action), {
    actor: event.actorName ?? someone,
    subject: event.subjectName ?? someone,
    defaultValue: event.action,
  });
  return (
    <Card withBorder padding="sm" component="li">
      <Text>{sentence}</Text>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          <time dateTime={event.at}>{format.dateTime(event.at)}</time>
        </Text>
        {event.ip ? (
          <Text size="sm" c="dimmed" dir="ltr">
            {event.ip}
          </Text>
        ) : null}
      </Group>
    </Card>
  );
}

/** /activity — leaders see their organisation's log, coordinators their network's. */
export function ActivityRoute() {
  const { t } = useTranslation('activity');
  const events = useAuditEvents();
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      {events.isPending ? (
        <PageSkeleton lines={6} />
      ) : events.error ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} style={{ listStyle: 'none' }}>
          {items.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </Stack>
      )}
      {events.hasNextPage ? (
        <Button variant="default" w="fit-content" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
          {t('more')}
        </Button>
      ) : null}
    </Stack>
  );
}
