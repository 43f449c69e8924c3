import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { joinCampaign, leaveCampaign, updateCampaign, useCampaignMutation } from '../api/campaign-mutations';
import { useCampaign } from '../api/get-campaigns';
import { CampaignLinks } from '../components/campaign-links';
import { CampaignProgress } from '../components/campaign-progress';
import { CampaignTimeline } from '../components/campaign-timeline';
import { MarkdownHtml } from '../../../components/markdown-html';
import '../components/collaboration.css';

function GoalCard({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('collaboration');
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(campaign.title);
  const [goal, setGoal] = useState(campaign.goalMarkdown);
  const save = useCampaignMutation(campaign.id, () => updateCampaign(campaign.id, { title, goal }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="goal-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="goal-heading">
          {t('campaigns.goal')}
        </Title>
        {campaign.canEdit && !editing ? (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {t('campaigns.edit')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined, { onSuccess: () => setEditing(false) }); }}>
          <Stack gap="sm">
            <TextInput label={t('campaigns.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
            <Textarea label={t('campaigns.goal')} description={t('editor.markdownHint')} value={goal} onChange={(e) => setGoal(e.currentTarget.value)} autosize minRows={4} dir="auto" />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('editor.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('editor.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : campaign.goalHtml ? (
        <MarkdownHtml html={campaign.goalHtml} testId="campaign-goal" language={null} />
      ) : (
        <Text c="dimmed">{t('campaigns.noGoal')}</Text>
      )}
    </Card>
  );
}

function OrganisationsCard({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const join = useCampaignMutation(campaign.id, (organisationId: string) => joinCampaign(campaign.id, organisationId));
  const leave = useCampaignMutation(campaign.id, (organisationId: string) => leaveCampaign(campaign.id, organisationId));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="participants-heading">
      <Title order={2} size="h3" id="participants-heading" mb="sm">
        {t('campaigns.participants')}
      </Title>
      <Stack gap="xs" component="ul" className="collab-plain-list" data-testid="participants">
        {campaign.organisations.map((o) => (
          <li key={o.id}>
            <Group gap="xs" wrap="wrap" justify="space-between">
              <Text>
                {o.name}{' '}
                <Text span size="sm" c="dimmed">
                  {o.id === campaign.ownerOrganisationId ? t('campaigns.leads') : t('campaigns.joined', { date: format.date(o.joinedAt) })}
                </Text>
              </Text>
              {campaign.canLeaveFor.includes(o.id) ? (
                <Button size="compact-sm" variant="default" loading={leave.isPending} onClick={() => leave.mutate(o.id)}>
                  {t('campaigns.leave', { organisation: o.name })}
                </Button>
              ) : null}
            </Group>
          </li>
        ))}
      </Stack>
      {campaign.canJoinFor.map((o) => (
        <Button key={o.id} mt="sm" loading={join.isPending} onClick={() => join.mutate(o.id)} data-testid="join-campaign">
          {t('campaigns.join', { organisation: o.name })}
        </Button>
      ))}
      <ErrorAlert error={join.error ?? leave.error} />
    </Card>
  );
}

/** A campaign: goal, timeline, linked work, participating organisations and progress. */
export function CampaignRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('collaboration');
  const campaign = useCampaign(id);
  if (campaign.isPending) return <PageSkeleton lines={8} />;
  if (campaign.error) return <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/collaboration/groups/${c.groupId}`} size="sm">
        {t('campaigns.back', { group: c.groupName })}
      </Anchor>
      <div>
        <Title order={1} data-testid="campaign-title">
          {c.title}
        </Title>
        <Text c="dimmed">{t('campaigns.ledBy', { owner: c.ownerOrganisationName })}</Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading" mb="sm">
          {t('campaigns.progressTitle')}
        </Title>
        <CampaignProgress progress={c.progress} />
      </Card>
      <GoalCard key={`${c.title}\n${c.goalMarkdown}`} campaign={c} />
      <CampaignTimeline campaign={c} />
      <CampaignLinks campaign={c} />
      <OrganisationsCard campaign={c} />
    </Stack>
  );
}
