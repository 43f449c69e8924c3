import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from './use-meeting-time';

export interface MeetingWhenProps {
  /** Wall-clock start in the host's zone and in the reader's, as the API computed them. */
  hostLocal: string;
  viewerLocal: string;
  hostZone: string;
  viewerZone: string;
  compact?: boolean;
}

/** When a meeting takes place: in the reader's zone first, the host's zone beside it. */
export function MeetingWhen({ hostLocal, viewerLocal, hostZone, viewerZone, compact = false }: MeetingWhenProps) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const format = compact ? time.short : time.full;
  return (
    <Stack gap={0}>
      <Text fw={600} data-testid="meeting-time-mine">
        {t('when.mine', { time: format(viewerLocal), zone: time.zoneLabel(viewerZone) })}
      </Text>
      {hostZone !== viewerZone ? (
        <Text size="sm" c="dimmed" data-testid="meeting-time-host">
          {t('when.host', { time: format(hostLocal), zone: time.zoneLabel(hostZone) })}
        </Text>
      ) : null}
    </Stack>
  );
}
