import { useState } from 'react';
import { Alert, Button, Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useMembers } from '../../../api/get-members';
import { useCertificateTypes } from '../../../api/get-certificate-types';
import { useIssueCertificate } from '../api/issue-certificate';
import { localisedName } from '../../../lib/localised-name';

export interface AssessableOrganisation {
  id: string;
  name: string;
  networkId: string;
}

/** An assessor picks a member and a certificate type; the API checks the scope again. */
export function IssueForm({ organisation, initialHolder = '' }: { organisation: AssessableOrganisation; initialHolder?: string }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const members = useMembers(organisation.id);
  const types = useCertificateTypes(organisation.networkId);
  const issue = useIssueCertificate();
  const [holderUserId, setHolder] = useState(initialHolder);
  const [certificateTypeId, setType] = useState('');
  const [issued, setIssued] = useState<{ code: string; type: string; name: string } | null>(null);
  const chosenType = types.data?.items.find((type) => type.id === certificateTypeId);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setIssued(null);
    const name = members.data?.items.find((m) => m.userId === holderUserId)?.name ?? '';
    const type = chosenType ? localisedName(chosenType.names, format.language) : '';
    issue.mutate(
      { holderUserId, certificateTypeId, organisationId: organisation.id },
      {
        // Say what was issued and clear the form, so nothing is issued twice by accident.
        onSuccess: (certificate) => {
          setIssued({ code: certificate.code, type, name });
          setHolder('');
          setType('');
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} aria-labelledby="issue-heading">
      <Stack>
        <Title order={2} size="h4" id="issue-heading">
          {t('issue.formTitle', { organisation: organisation.name })}
        </Title>
        <NativeSelect
          label={t('issue.member')}
          value={holderUserId}
          onChange={(e) => setHolder(e.currentTarget.value)}
          required
          data-testid="issue-member"
        >
          <option value="">{t('issue.choose')}</option>
          {(members.data?.items ?? [])
            .filter((m) => !m.disabled)
            .map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
        </NativeSelect>
        <NativeSelect
          label={t('issue.type')}
          value={certificateTypeId}
          onChange={(e) => setType(e.currentTarget.value)}
          required
          data-testid="issue-type"
        >
          <option value="">{t('issue.choose')}</option>
          {(types.data?.items ?? []).map((type) => (
            <option key={type.id} value={type.id}>
              {localisedName(type.names, format.language)}
            </option>
          ))}
        </NativeSelect>
        {chosenType ? (
          <Text size="sm" c="dimmed" data-testid="issue-type-facts" dir="auto">
            {localisedName(chosenType.descriptions, format.language)}{' '}
            {chosenType.validityMonths ? t('issue.validFor', { count: chosenType.validityMonths }) : t('issue.noExpiry')}
          </Text>
        ) : null}
        <ErrorAlert error={members.error ?? types.error ?? issue.error} />
        {issued ? (
          <Alert color="green" role="status" data-testid="issued">
            <Trans t={t} i18nKey="issue.doneFor" values={issued} components={{ bdi: <bdi /> }} />
          </Alert>
        ) : null}
        <Button type="submit" loading={issue.isPending} disabled={!holderUserId || !certificateTypeId}>
          {t('issue.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
