import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { useMeetings } from '../../../api/get-meetings';
import { CalendarFeedCard } from '../components/calendar-feed-card';
import { MeetingWhen } from '../components/meeting-when';

export function MeetingsRoute() {
  const { t } = useTranslation('meetings');
  const session = useSignedInSession();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const meetings = useMeetings(when);
  const canSchedule = session.permissions.includes('meetings.manage');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed">{t('list.intro')}</Text>
        </div>
        {canSchedule ? (
          <Button component={Link} to="/meetings/new" data-testid="new-meeting">
            {t('list.schedule')}
          </Button>
        ) : null}
      </Group>
      <Group gap="xs" role="group" aria-label={t('list.which')}>
        {(['upcoming', 'past'] as const).map((option) => (
          <Button key={option} size="xs" variant={when === option ? 'filled' : 'default'} aria-pressed={when === option} onClick={() => setWhen(option)}>
            {t(`list.${option}`)}
          </Button>
        ))}
      </Group>
      {meetings.isPending ? <PageSkeleton lines={4} /> : null}
      {meetings.error ? <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
      {meetings.data && meetings.data.items.length === 0 ? <Text>{t(`list.empty.${when}`)}</Text> : null}
      <Stack gap="sm" component="ul" className="meeting-list">
        {meetings.data?.items.map((meeting) => (
          <Card key={meeting.id} withBorder padding="md" component="li" data-testid="meeting-card">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={700} size="lg">
                  {meeting.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('list.hostedBy', { host: meeting.hostOrganisationName })}
                </Text>
                {meeting.status === 'PLANNING' ? (
                  <Text size="sm" fw={600}>
                    {t('poll.timeToBeFound')}
                  </Text>
                ) : (
                  <MeetingWhen
                    hostLocal={meeting.startHostLocal}
                    viewerLocal={meeting.startViewerLocal}
                    hostZone={meeting.timeZone}
                    viewerZone={meeting.viewerTimeZone}
                    compact
                  />
                )}
              </Stack>
              <Group gap="xs">
                <Badge variant="light">{t(`format.${meeting.format}`)}</Badge>
                {meeting.recurring ? <Badge variant="outline">{t('list.recurring')}</Badge> : null}
                {meeting.status === 'CANCELLED' ? <Badge color="red.9">{t('status.CANCELLED')}</Badge> : null}
                {meeting.status === 'PLANNING' ? <Badge color="indigo.9">{t('status.PLANNING')}</Badge> : null}
                {meeting.myAnswer ? <Badge color="teal.9">{t(`answer.${meeting.myAnswer}`)}</Badge> : null}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <CalendarFeedCard />
    </Stack>
  );
}
