import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useSignedInSession } from '../../../lib/session';
import { useFollowGroup } from '../api/follow-group';
import { useDocuments } from '../api/get-documents';
import { useGroup } from '../api/get-group';
import { useThreads } from '../api/get-threads';
import { CampaignsCard } from '../components/campaigns-card';
import { MarkdownHtml } from '../../../components/markdown-html';
import { inLanguage } from '../../../components/in-language';
import { NewDocumentForm } from '../components/new-document-form';
import { NewThreadForm } from '../components/new-thread-form';
import { StatusBadge } from '../components/status-badge';
import '../components/collaboration.css';

/** One working group: its discussions and its joint documents. */
export function GroupRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const session = useSignedInSession();
  const group = useGroup(id);
  const threads = useThreads(id);
  const documents = useDocuments(id);
  const follow = useFollowGroup(id);
  const [dialog, setDialog] = useState<'thread' | 'document' | null>(null);

  if (group.isPending) return <PageSkeleton lines={6} />;
  if (group.error) return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  const canStartDocument = session.memberships.some((m) => m.role === 'ORG_LEADER' && m.networkId === group.data.networkId);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/collaboration" size="sm">
        {t('groups.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} data-testid="group-title">
            {group.data.name}
          </Title>
          <Text size="sm" c="dimmed">
            {group.data.audience === 'NETWORK' ? t('groups.audienceNetwork') : format.list(group.data.organisations.map((o) => o.name))}
          </Text>
        </div>
        <Button variant={group.data.following ? 'default' : 'filled'} loading={follow.isPending} onClick={() => follow.mutate(!group.data.following)}>
          {group.data.following ? t('groups.unfollow') : t('groups.follow')}
        </Button>
      </Group>
      {group.data.descriptionHtml ? <MarkdownHtml html={group.data.descriptionHtml} language={null} /> : null}
      <ErrorAlert error={follow.error} />

      <CampaignsCard group={group.data} />

      <Card withBorder padding="lg" component="section" aria-labelledby="documents-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="documents-heading">
            {t('documents.title')}
          </Title>
          {canStartDocument ? (
            <Button size="xs" onClick={() => setDialog('document')}>
              {t('documents.new')}
            </Button>
          ) : null}
        </Group>
        {documents.error ? <ErrorAlert error={documents.error} /> : null}
        {documents.data?.items.length === 0 ? <Text c="dimmed">{t('documents.empty')}</Text> : null}
        <Stack gap="xs" component="ul" className="collab-plain-list">
          {documents.data?.items.map((doc) => (
            <li key={doc.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/collaboration/documents/${doc.id}`} {...inLanguage(doc.titleLanguage)}>
                  {doc.title}
                </Anchor>
                <StatusBadge status={doc.status} />
                <Text size="sm" c="dimmed">
                  {t('documents.summary', { owner: doc.ownerOrganisationName, count: doc.signedCount })}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="threads-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="threads-heading">
            {t('threads.title')}
          </Title>
          <Button size="xs" onClick={() => setDialog('thread')}>
            {t('threads.new')}
          </Button>
        </Group>
        {threads.error ? <ErrorAlert error={threads.error} /> : null}
        {threads.data?.items.length === 0 ? <Text c="dimmed">{t('threads.empty')}</Text> : null}
        <Stack gap="xs" component="ul" className="collab-plain-list">
          {threads.data?.items.map((thread) => (
            <li key={thread.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/collaboration/threads/${thread.id}`} dir="auto">
                  {thread.title}
                </Anchor>
                {thread.locked ? <Badge color="gray">{t('threads.locked')}</Badge> : null}
                {thread.hidden ? <Badge color="orange">{t('threads.hidden')}</Badge> : null}
                <Text size="sm" c="dimmed">
                  {t('threads.summary', { count: thread.postCount, date: format.dateTime(thread.lastPostAt) })}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      </Card>

      <Modal opened={dialog === 'thread'} onClose={() => setDialog(null)} title={t('threads.new')} size="lg">
        <NewThreadForm groupId={id} onCancel={() => setDialog(null)} />
      </Modal>
      <Modal opened={dialog === 'document'} onClose={() => setDialog(null)} title={t('documents.new')} size="lg">
        <NewDocumentForm group={group.data} onCancel={() => setDialog(null)} />
      </Modal>
    </Stack>
  );
}
