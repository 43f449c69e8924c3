import { useState } from 'react';
import { Alert, Button, Card, Group, NativeSelect, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, type ChannelPreferences, type MessageChannel, type MessageKind } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useChannelPreferences } from '../api/get-channel-preferences';
import { useUpdateChannelPreferences } from '../api/update-channel-preferences';

const SLOTS = 3;
type Slots = Record<MessageKind, (MessageChannel | '')[]>;

function toSlots(preferences: ChannelPreferences['preferences']): Slots {
  return Object.fromEntries(
    preferences.map((p) => [p.kind, Array.from({ length: SLOTS }, (_, i) => p.channels[i] ?? '')]),
  ) as Slots;
}

/** The chosen order, without gaps or repeats: what the dispatcher tries, first to last. */
function toChannels(slots: (MessageChannel | '')[]): MessageChannel[] {
  const seen = new Set<MessageChannel>();
  for (const slot of slots) if (slot) seen.add(slot);
  return [...seen];
}

/** Per kind of message: the first channel, then what to try when it fails. */
export function ChannelsCard() {
  const { t } = useTranslation(['profile', 'errors']);
  const query = useChannelPreferences();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-channels">
      <Title order={2} size="h3" mb="xs" id="profile-channels">
        {t('profile:channels.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('profile:channels.intro')}
      </Text>
      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ChannelsForm data={query.data} />
      )}
    </Card>
  );
}

function ChannelsForm({ data }: { data: ChannelPreferences }) {
  const { t } = useTranslation(['profile', 'errors']);
  const update = useUpdateChannelPreferences();
  const [slots, setSlots] = useState<Slots>(() => toSlots(data.preferences));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const noPhone = !data.reachable.SMS;

  const choose = (kind: MessageKind, index: number, value: MessageChannel | '') => {
    setSaved(false);
    setSlots((current) => ({ ...current, [kind]: current[kind].map((v, i) => (i === index ? value : v)) }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await update.mutateAsync({
        preferences: data.preferences.map((p) => ({ kind: p.kind, channels: toChannels(slots[p.kind]) })),
      });
      setSaved(true);
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {saved ? (
          <Alert color="green" variant="light" role="status">
            {t('profile:channels.saved')}
          </Alert>
        ) : null}
        {noPhone ? (
          <Text size="sm" role="note">
            {t('profile:channels.noPhone')}
          </Text>
        ) : null}
        {data.preferences.map(({ kind }) => (
          <fieldset key={kind} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
            <Text component="legend" fw={600} mb={4}>
              {t(`profile:channels.kinds.${kind}`)}
            </Text>
            <Group gap="sm" align="flex-end" wrap="wrap">
              {slots[kind].map((value, index) => (
                <NativeSelect
                  key={index}
                  label={t(`profile:channels.slot${index + 1}`)}
                  value={value}
                  onChange={(event) => choose(kind, index, event.currentTarget.value as MessageChannel | '')}
                  style={{ flex: '1 1 10rem', maxInlineSize: '14rem' }}
                  data={[
                    { value: '', label: index === 0 ? t('profile:channels.never') : t('profile:channels.nothingMore') },
                    ...MESSAGE_CHANNELS.map((channel) => ({
                      value: channel,
                      label: t(`profile:channels.names.${channel}`),
                      disabled: !data.reachable[channel] || (slots[kind].includes(channel) && value !== channel),
                    })),
                  ]}
                />
              ))}
            </Group>
          </fieldset>
        ))}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('profile:channels.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
