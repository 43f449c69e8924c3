import { useState } from 'react';
import { Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed';

/**
 * The private subscription address. The server keeps only a hash of it, so it is shown once;
 * asking again makes a new one and the old one stops working.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation('meetings');
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-feed-title">
      <Title order={2} size="h4" id="calendar-feed-title">
        {t('feed.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('feed.intro')}
      </Text>
      <ErrorAlert error={create.error ?? revoke.error} />
      {url ? (
        <TextInput label={t('feed.address')} description={t('feed.once')} value={url} readOnly dir="ltr" onFocus={(e) => e.currentTarget.select()} mb="sm" data-testid="calendar-feed-url" />
      ) : null}
      {revoked ? (
        <Text size="sm" role="status" mb="sm">
          {t('feed.revoked')}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (answer) => {
                setUrl(answer.url);
                setRevoked(false);
              },
            })
          }
        >
          {url ? t('feed.renew') : t('feed.create')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                setUrl(null);
                setRevoked(true);
              },
            })
          }
        >
          {t('feed.revoke')}
        </Button>
      </Group>
    </Card>
  );
}
