import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useMeetings } from '../../../api/get-meetings';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Meetings of the coming seven days. Times are the server's wall-clock in the reader's zone
 * ("YYYY-MM-DDTHH:mm"): old phones carry stale zone data, so the screen never converts zones.
 */
export function MeetingsThisWeekCard() {
  const { t } = useTranslation('home');
  const format = useFormatters();
  const meetings = useMeetings('upcoming');
  const now = Date.now();
  const week = (meetings.data?.items ?? []).filter((m) => new Date(m.startsAt).getTime() - now <= WEEK_MS);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-meetings" data-testid="home-meetings">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-meetings">
          {t('meetings.title')}
        </Title>
        {meetings.isPending ? (
          <Skeleton height={40} />
        ) : meetings.error ? (
          <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : week.length === 0 ? (
          <Text c="dimmed">{t('meetings.none')}</Text>
        ) : (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {week.map((m) => (
              <li key={m.id}>
                <Anchor component={Link} to={`/meetings/${m.id}`} dir="auto">
                  {m.title}
                </Anchor>
                <Text size="sm">
                  {t('meetings.when', { day: format.day(m.startViewerLocal.slice(0, 10)), time: m.startViewerLocal.slice(11, 16), host: m.hostOrganisationName })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/meetings" size="sm">
          {t('meetings.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
