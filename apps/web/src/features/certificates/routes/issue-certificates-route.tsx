import { useMemo, useState } from 'react';
import { Anchor, NativeSelect, Stack, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../../lib/session';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';
import { IssueForm, type AssessableOrganisation } from '../components/issue-form';
import { IssuedList } from '../components/issued-list';

/** Assessors: leaders for the organisations they lead, coordinators for their network's. */
export function IssueCertificatesRoute() {
  const { t } = useTranslation('certificates');
  const session = useSignedInSession();
  const coordinatedNetwork = session.networkRoles[0]?.networkId ?? null;
  const networkOrganisations = useNetworkOrganisations(coordinatedNetwork);
  const organisations = useMemo<AssessableOrganisation[]>(() => {
    const led = session.memberships
      .filter((m) => m.role === 'ORG_LEADER')
      .map((m) => ({ id: m.organisationId, name: m.organisationName, networkId: m.networkId }));
    const fromNetwork = (networkOrganisations.data?.items ?? []).map((o) => ({ id: o.id, name: o.name, networkId: o.networkId }));
    const all = [...led, ...fromNetwork];
    return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
  }, [session.memberships, networkOrganisations.data]);
  // The team-learning table links here with ?organisation=…&holder=… for a member who completed.
  const [params] = useSearchParams();
  const [chosenId, setChosenId] = useState<string | null>(params.get('organisation'));
  const organisation = organisations.find((o) => o.id === chosenId) ?? organisations[0];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/certificates" size="sm">
        {t('back')}
      </Anchor>
      <Title order={1}>{t('issue.title')}</Title>
      {organisations.length > 1 ? (
        <NativeSelect
          label={t('issue.organisation')}
          value={organisation?.id ?? ''}
          onChange={(e) => setChosenId(e.currentTarget.value)}
          data-testid="issue-organisation"
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      {organisation ? (
        <>
          <IssueForm key={organisation.id} organisation={organisation} initialHolder={params.get('holder') ?? ''} />
          <IssuedList organisationId={organisation.id} canRevoke={session.permissions.includes('certificates.revoke')} />
        </>
      ) : null}
    </Stack>
  );
}
