import { Paper, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '@tadamon/shared';
import { localDateTimeSchema } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { useTimeInZones } from '../api/get-time-in-zones';
import { useMeetingTime } from './use-meeting-time';

const sameDay = (start: string, end: string) => start.slice(0, 10) === end.slice(0, 10);

/**
 * The chosen time as each invited organisation will read it, grouped by zone, shown before the
 * invitations go out ("10:00 in Tangier is 09:00 in Bamako"). The server converts: the browser's
 * own zone data is often stale.
 */
export function InvitedTimes({
  startLocal,
  endLocal,
  timeZone,
  organisations,
}: {
  startLocal: string;
  endLocal: string;
  timeZone: string;
  organisations: OrganisationSummary[];
}) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime();
  const format = useFormatters();
  const zones = [...new Set(organisations.map((o) => o.timeZone))].sort();
  const complete = localDateTimeSchema.safeParse(startLocal).success && localDateTimeSchema.safeParse(endLocal).success;
  const converted = useTimeInZones({ startLocal, endLocal, timeZone, zones }, complete && zones.length > 0);
  if (zones.length === 0 || !converted.data) return null;
  return (
    <Paper withBorder p="sm" data-testid="invited-times" aria-live="polite">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('invitedTimes.title')}
        </Title>
        <ul className="invite-times">
          {converted.data.items.map((item) => {
            const names = organisations.filter((o) => o.timeZone === item.timeZone).map((o) => o.name);
            return (
              <li key={item.timeZone} data-testid={`invited-time-${item.timeZone}`}>
                <Text size="sm">
                  <Trans
                    t={t}
                    i18nKey={item.timeZone === timeZone ? 'invitedTimes.sameZone' : 'invitedTimes.zone'}
                    values={{ zone: time.zoneLabel(item.timeZone), start: time.full(item.startLocal), end: sameDay(item.startLocal, item.endLocal) ? time.clock(item.endLocal) : time.full(item.endLocal) }}
                    components={{ bdi: <bdi /> }}
                  />
                </Text>
                <Text size="xs" c="dimmed">
                  <bdi>{format.list(names)}</bdi>
                </Text>
              </li>
            );
          })}
        </ul>
      </Stack>
    </Paper>
  );
}
