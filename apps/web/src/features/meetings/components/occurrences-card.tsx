import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useCancelOccurrence } from '../api/cancel-occurrence';
import { useMeetingTime } from './use-meeting-time';

/** The next dates of a recurring meeting; the host may cancel a single date. */
export function OccurrencesCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const cancel = useCancelOccurrence(meeting.id);
  const canCancel = meeting.canManage && meeting.status === 'SCHEDULED';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="occurrences-title">
      <Title order={2} size="h4" id="occurrences-title" mb="xs">
        {t('occurrences.title')}
      </Title>
      <ErrorAlert error={cancel.error} />
      <Stack gap={4} component="ul" className="meeting-list">
        {meeting.upcomingOccurrences.map((occurrence) => (
          <Group key={occurrence.startsAt} component="li" justify="space-between" wrap="nowrap">
            <Text size="sm">{time.full(occurrence.viewerLocal)}</Text>
            {canCancel ? (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red.9"
                loading={cancel.isPending && cancel.variables === occurrence.startsAt}
                onClick={() => cancel.mutate(occurrence.startsAt)}
                aria-label={t('occurrences.cancelLabel', { time: time.full(occurrence.viewerLocal) })}
              >
                {t('occurrences.cancel')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
