import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from './use-meeting-time';

/** When a meeting takes place: in the reader's zone first, the host's zone beside it. */
export function MeetingWhen({ startsAt, hostZone, compact = false }: { startsAt: string; hostZone: string; compact?: boolean }) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const format = compact ? time.short : time.full;
  return (
    <Stack gap={0}>
      <Text fw={600} data-testid="meeting-time-mine">
        {t('when.mine', { time: format(startsAt), zone: time.zoneLabel(time.myZone) })}
      </Text>
      {hostZone !== time.myZone ? (
        <Text size="sm" c="dimmed" data-testid="meeting-time-host">
          {t('when.host', { time: format(startsAt, hostZone), zone: time.zoneLabel(hostZone) })}
        </Text>
      ) : null}
    </Stack>
  );
}
