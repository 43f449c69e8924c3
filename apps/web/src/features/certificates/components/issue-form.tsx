import { useState } from 'react';
import { Alert, Button, Card, NativeSelect, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
export function IssueForm({ organisation }: { organisation: AssessableOrganisation }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const members = useMembers(organisation.id);
  const types = useCertificateTypes(organisation.networkId);
  const issue = useIssueCertificate();
  const [holderUserId, setHolder] = useState('');
  const [certificateTypeId, setType] = useState('');
  const [issuedCode, setIssuedCode] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setIssuedCode(null);
    issue.mutate(
      { holderUserId, certificateTypeId, organisationId: organisation.id },
      { onSuccess: (certificate) => setIssuedCode(certificate.code) },
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
        <ErrorAlert error={members.error ?? types.error ?? issue.error} />
        {issuedCode ? (
          <Alert color="green" role="status" data-testid="issued">
            {t('issue.done', { code: issuedCode })}
          </Alert>
        ) : null}
        <Button type="submit" loading={issue.isPending} disabled={!holderUserId || !certificateTypeId}>
          {t('issue.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
