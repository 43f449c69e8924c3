import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../../lib/session';
import { AssignDialog } from '../components/assign-dialog';
import { CohortsPanel } from '../components/cohorts-panel';
import { CompletionsChart } from '../components/completions-chart';
import { NetworkProgress } from '../components/network-progress';
import { OrganisationProgress } from '../components/organisation-progress';
import { PathProgress } from '../components/path-progress';
import '../course-progress.css';

/**
 * /team-learning — leaders follow their organisation (assign, progress, paths, cohorts);
 * coordinators see their network by organisation and country and drill down through
 * /team-learning/organisations/:id.
 */
export function TeamLearningRoute() {
  const { t } = useTranslation('courseProgress');
  const session = useSignedInSession();
  const { id: drilledInto } = useParams();
  const led = session.memberships.filter((m) => m.role === 'ORG_LEADER');
  const coordinated = session.networkRoles[0] ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const organisationId = drilledInto ?? chosen ?? led[0]?.organisationId ?? null;

  if (!drilledInto && coordinated && led.length === 0) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('network.title')}</Title>
        <Text>{t('network.intro')}</Text>
        <NetworkProgress networkId={coordinated.networkId} />
        <CompletionsChart scope={{ networkId: coordinated.networkId }} />
      </Stack>
    );
  }
  if (!organisationId) return <Text>{t('noOrganisation')}</Text>;
  return (
    <Stack gap="lg">
      {drilledInto ? (
        <Anchor component={Link} to="/team-learning" size="sm">
          {t('network.back')}
        </Anchor>
      ) : null}
      <Title order={1}>{t('title')}</Title>
      {led.length > 1 && !drilledInto ? (
        <NativeSelect label={t('organisation')} value={organisationId} onChange={(e) => setChosen(e.currentTarget.value)}>
          {led.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.organisationName}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <OrganisationView key={organisationId} organisationId={organisationId} canAssign={session.permissions.includes('courses.assign')} />
    </Stack>
  );
}

function OrganisationView({ organisationId, canAssign }: { organisationId: string; canAssign: boolean }) {
  const { t } = useTranslation('courseProgress');
  const [assigning, setAssigning] = useState(false);
  return (
    <>
      {canAssign ? (
        <Group>
          <Button onClick={() => setAssigning(true)}>{t('assign.open')}</Button>
        </Group>
      ) : null}
      <Tabs defaultValue="progress" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress">{t('tabs.progress')}</Tabs.Tab>
          <Tabs.Tab value="paths">{t('tabs.paths')}</Tabs.Tab>
          <Tabs.Tab value="cohorts">{t('tabs.cohorts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progress" pt="md">
          <Stack gap="xl">
            <OrganisationProgress organisationId={organisationId} canAssign={canAssign} />
            <CompletionsChart scope={{ organisationId }} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="paths" pt="md">
          <PathProgress organisationId={organisationId} />
        </Tabs.Panel>
        <Tabs.Panel value="cohorts" pt="md">
          <CohortsPanel organisationId={organisationId} canAssign={canAssign} />
        </Tabs.Panel>
      </Tabs>
      <AssignDialog organisationId={organisationId} opened={assigning} onClose={() => setAssigning(false)} />
    </>
  );
}
