import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { useGroups } from '../api/get-groups';
import { GroupCreateForm } from '../components/group-create-form';
import '../components/collaboration.css';

/** The working groups a person can see, with search, and starting a new one. */
export function GroupsRoute() {
  const { t } = useTranslation('collaboration');
  const session = useSignedInSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const groups = useGroups(q);
  const [creating, setCreating] = useState(false);
  const canCreate = session.permissions.includes('collaboration.createGroup');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('groups.title')}</Title>
          <Text c="dimmed">{t('groups.intro')}</Text>
        </div>
        {canCreate ? <Button onClick={() => setCreating(true)}>{t('groups.new')}</Button> : null}
      </Group>
      <TextInput label={t('groups.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" />
      {groups.isPending ? (
        <PageSkeleton lines={4} />
      ) : groups.error ? (
        <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.items.length === 0 ? (
        <Text>{q ? t('groups.noMatch') : t('groups.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="collab-plain-list">
          {groups.data.items.map((group) => (
            <Card key={group.id} withBorder padding="md" component="li">
              <Anchor component={Link} to={`/collaboration/groups/${group.id}`} fw={600}>
                {group.name}
              </Anchor>
              <Group gap="xs" mt="xs">
                <Badge variant="light">{group.audience === 'NETWORK' ? t('groups.audienceNetwork') : t('groups.closed')}</Badge>
                {group.following ? <Badge variant="outline">{t('groups.following')}</Badge> : null}
              </Group>
              <Text size="sm" c="dimmed" mt="xs">
                {t('groups.counts', { threads: group.threadCount, documents: group.documentCount })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('groups.new')}>
        <GroupCreateForm onCancel={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}
