import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { isCoordinator, ledOrganisationId, useSignedInSession } from '../../../lib/session';
import { localisedName } from '../../../lib/localised-name';
import { useFrameworks } from '../api/frameworks';
import { useOrganisationAssessments, useReviewQueue, useStartAssessment, type AssessmentSummary } from '../api/assessments';
import { AssessmentStatusBadge } from '../components/assessment-status-badge';

/** Quality assurance: leaders see their organisation's self-assessments, coordinators the review queue and frameworks. */
export function AccreditationRoute() {
  const { t } = useTranslation('accreditation');
  const session = useSignedInSession();
  const organisationId = ledOrganisationId(session);
  const networkId = session.networkRoles[0]?.networkId ?? session.memberships[0]?.networkId ?? null;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro')}</Text>
      </Stack>
      {organisationId && networkId ? <LeaderPanel organisationId={organisationId} networkId={networkId} /> : null}
      {isCoordinator(session) && session.networkRoles[0] ? <CoordinatorPanel networkId={session.networkRoles[0].networkId} /> : null}
    </Stack>
  );
}

function AssessmentList({ items, showOrganisation }: { items: AssessmentSummary[]; showOrganisation?: boolean }) {
  const format = useFormatters();
  const { t } = useTranslation('accreditation');
  return (
    <Stack gap="xs">
      {items.map((a) => (
        <Card key={a.id} withBorder padding="sm" data-testid="assessment-row">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/accreditation/assessments/${a.id}`} fw={600}>
                {showOrganisation ? a.organisationName : localisedName(a.frameworkTitles, format.language)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {showOrganisation ? `${localisedName(a.frameworkTitles, format.language)} · ${format.country(a.country)}` : null}
                {a.validUntil ? t('validUntil', { date: format.date(a.validUntil) }) : null}
                {!a.validUntil && a.submittedAt ? t('submittedOn', { date: format.date(a.submittedAt) }) : null}
              </Text>
            </Stack>
            <AssessmentStatusBadge status={a.status} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function LeaderPanel({ organisationId, networkId }: { organisationId: string; networkId: string }) {
  const { t } = useTranslation('accreditation');
  const format = useFormatters();
  const navigate = useNavigate();
  const assessments = useOrganisationAssessments(organisationId);
  const frameworks = useFrameworks(networkId);
  const start = useStartAssessment(organisationId);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'PUBLISHED');

  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {t('leader.title')}
      </Title>
      <ErrorAlert error={assessments.error ?? start.error} />
      {assessments.data?.items.length === 0 ? <Text c="dimmed">{t('leader.empty')}</Text> : null}
      <AssessmentList items={assessments.data?.items ?? []} />
      {published.length > 0 ? (
        <Group align="flex-end">
          <Select
            label={t('leader.framework')}
            data={published.map((f) => ({ value: f.id, label: localisedName(f.titles, format.language) }))}
            value={frameworkId}
            onChange={setFrameworkId}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            disabled={!frameworkId}
            loading={start.isPending}
            onClick={() => frameworkId && start.mutate(frameworkId, { onSuccess: (a) => void navigate(`/accreditation/assessments/${a.id}`) })}
          >
            {t('leader.start')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function CoordinatorPanel({ networkId }: { networkId: string }) {
  const { t } = useTranslation('accreditation');
  const format = useFormatters();
  const queue = useReviewQueue(networkId, 'SUBMITTED');
  const frameworks = useFrameworks(networkId);
  return (
    <>
      <Stack gap="sm" component="section">
        <Title order={2} size="h3">
          {t('coordinator.queue')}
        </Title>
        <ErrorAlert error={queue.error} />
        {queue.data?.items.length === 0 ? <Text c="dimmed">{t('coordinator.queueEmpty')}</Text> : null}
        <AssessmentList items={queue.data?.items ?? []} showOrganisation />
      </Stack>
      <Stack gap="sm" component="section">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('coordinator.frameworks')}
          </Title>
          <Button component={Link} to="/accreditation/frameworks/new" variant="light" size="sm">
            {t('coordinator.newFramework')}
          </Button>
        </Group>
        <ErrorAlert error={frameworks.error} />
        {/* Published frameworks (the ones organisations assess against) apart from drafts and archived ones. */}
        {(['PUBLISHED', 'DRAFT', 'ARCHIVED'] as const).map((status) => {
          const items = (frameworks.data?.items ?? []).filter((f) => f.status === status);
          if (items.length === 0) return null;
          return (
            <Stack gap="xs" key={status} data-testid={`frameworks-${status}`}>
              <Title order={3} size="h5">
                {t(`coordinator.frameworkGroups.${status}`, { count: items.length })}
              </Title>
              {items.map((f) => (
                <Card key={f.id} withBorder padding="sm" data-testid="framework-row">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/accreditation/frameworks/${f.id}`} fw={600}>
                      {localisedName(f.titles, format.language)}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('coordinator.criteriaCount', { count: f.criteriaCount })} · {t('coordinator.validity', { count: f.validityMonths })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          );
        })}
      </Stack>
    </>
  );
}
