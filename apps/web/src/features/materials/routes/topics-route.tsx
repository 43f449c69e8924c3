import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useNetworks } from '../../../api/get-networks';
import type { MaterialTopic } from '../../../api/get-material-topics';
import { useNetworkTopics, useSaveTopic } from '../api/manage-topics';

/** Coordinators: a network's custom topics — add, rename, archive, bring back. */
export function TopicsRoute() {
  const { t } = useTranslation('materials');
  const networks = useNetworks();
  const [picked, setPicked] = useState<string | null>(null);
  const networkId = picked ?? networks.data?.items[0]?.id ?? null;
  const topics = useNetworkTopics(networkId);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/library" size="sm">
        {t('material.back')}
      </Anchor>
      <Title order={1}>{t('topicsScreen.title')}</Title>
      <Text c="dimmed">{t('topicsScreen.intro')}</Text>
      {(networks.data?.items.length ?? 0) > 1 ? (
        <NativeSelect
          label={t('topicsScreen.network')}
          value={networkId ?? ''}
          onChange={(event) => setPicked(event.currentTarget.value)}
          data={networks.data!.items.map((n) => ({ value: n.id, label: n.name }))}
        />
      ) : null}
      {networkId ? <NewTopic networkId={networkId} /> : null}
      {topics.isPending ? (
        <Skeleton height={120} aria-busy="true" />
      ) : topics.error ? (
        <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} />
      ) : topics.data.items.length === 0 ? (
        <Text role="status">{t('topicsScreen.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {topics.data.items.map((topic) => (
            <TopicRow key={topic.id} networkId={networkId!} topic={topic} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NewTopic({ networkId }: { networkId: string }) {
  const { t } = useTranslation('materials');
  const save = useSaveTopic(networkId);
  const [name, setName] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ change: { name: name.trim() } }, { onSuccess: () => setName('') });
      }}
    >
      <Group align="end">
        <TextInput label={t('topicsScreen.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} minLength={2} maxLength={80} required />
        <Button type="submit" loading={save.isPending}>
          {t('topicsScreen.add')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </form>
  );
}

function TopicRow({ networkId, topic }: { networkId: string; topic: MaterialTopic }) {
  const { t } = useTranslation('materials');
  const save = useSaveTopic(networkId);
  const [name, setName] = useState(topic.name);
  const archived = topic.archivedAt !== null;
  return (
    <Card withBorder padding="sm" component="li" data-testid="topic-row">
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('topicsScreen.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          minLength={2}
          maxLength={80}
          style={{ flexGrow: 1 }}
        />
        {name.trim() !== topic.name ? (
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate({ topicId: topic.id, change: { name: name.trim() } })}>
            {t('topicsScreen.rename')}
          </Button>
        ) : null}
        {archived ? <Badge color="gray">{t('topicsScreen.archived')}</Badge> : null}
        <Button variant="default" loading={save.isPending} onClick={() => save.mutate({ topicId: topic.id, change: { archived: !archived } })}>
          {archived ? t('topicsScreen.restore') : t('topicsScreen.archive')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Card>
  );
}
