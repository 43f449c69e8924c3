import '../components/course-authoring-styles';
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Center, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { isLanguage } from '../../../lib/languages';
import { useSignedInSession } from '../../../lib/session';
import { useCreatePath, usePaths } from '../api/learning-paths';
import { publishersOf } from '../components/publishers';

/** Learning paths this person authors, and a form to start one. */
export function LearningPathsRoute() {
  const { t, i18n } = useTranslation('courseAuthoring');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const publishers = publishersOf(session);
  const paths = usePaths();
  const create = useCreatePath();
  const [publisher, setPublisher] = useState(publishers[0]?.value ?? '');
  const [title, setTitle] = useState('');
  const items = paths.data?.pages.flatMap((p) => p.items) ?? [];
  const chosen = publishers.find((p) => p.value === publisher);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/course-authoring" size="sm">
        {t('editor.back')}
      </Anchor>
      <Title order={1}>{t('paths.title')}</Title>
      <Text c="dimmed">{t('paths.intro')}</Text>
      <Card withBorder padding="md" component="form" onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        if (!chosen) return;
        create.mutate(
          { networkId: chosen.networkId, organisationId: chosen.organisationId, titles: { [language]: title } },
          { onSuccess: (path) => void navigate(`/course-authoring/paths/${path.id}`) },
        );
      }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('paths.new')}
          </Title>
          <Group align="end" wrap="wrap">
            <NativeSelect label={t('create.owner')} value={publisher} onChange={(e) => setPublisher(e.currentTarget.value)}>
              {publishers.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.organisationId ? p.label : t('create.networkWide', { network: p.label })}
                </option>
              ))}
            </NativeSelect>
            <TextInput label={t('fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={TEXT_LIMITS.title} dir="auto" data-testid="path-title" />
            <Button type="submit" loading={create.isPending} disabled={!chosen}>
              {t('paths.create')}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </Stack>
      </Card>
      {paths.error ? <ErrorAlert error={paths.error} onRetry={() => void paths.refetch()} /> : null}
      {paths.isSuccess && items.length === 0 ? <Text role="status">{t('paths.empty')}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((path) => (
          <Card key={path.id} withBorder padding="sm" component="li">
            <Group justify="space-between">
              <Stack gap={2}>
                <Anchor component={Link} to={`/course-authoring/paths/${path.id}`} fw={600} dir="auto">
                  {path.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('paths.courseCount', { count: path.courses.length })}
                </Text>
              </Stack>
              <Badge variant="light">{t(`statuses.${path.status}`)}</Badge>
            </Group>
          </Card>
        ))}
      </Stack>
      {paths.hasNextPage ? (
        <Center>
          <Button variant="default" loading={paths.isFetchingNextPage} onClick={() => void paths.fetchNextPage()}>
            {t('list.loadMore')}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}
