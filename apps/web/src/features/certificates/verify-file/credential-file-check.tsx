import { Alert, Badge, Card, FileInput, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import { checkCredential, type CredentialCheck } from './check-credential';
import { CredentialFileError, readCredentialFile } from './read-credential-file';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'done'; result: CredentialCheck }
  | { step: 'failed'; problem: string };

/** The verdict a person reads first, from the check's parts. */
function verdictOf(result: CredentialCheck): 'genuine' | 'revoked' | 'notGenuine' | 'notIssuedHere' {
  if (!result.issuedHere) return 'notIssuedHere';
  if (!result.signatureValid) return 'notGenuine';
  return result.revoked ? 'revoked' : 'genuine';
}
const COLOURS = { genuine: 'green', revoked: 'red', notGenuine: 'red', notIssuedHere: 'orange' } as const;

/**
 * "Check a certificate file": the certificate PDF (which carries its signed credential) or the
 * credential JSON, checked in this browser. Nothing is uploaded; the verifier loads only now.
 */
export function CredentialFileCheck() {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });

  async function check(chosen: File | null) {
    setFile(chosen);
    if (!chosen) return setState({ step: 'idle' });
    setState({ step: 'checking' });
    try {
      const credential = await readCredentialFile(chosen);
      setState({ step: 'done', result: await checkCredential(credential) });
    } catch (error) {
      setState({ step: 'failed', problem: error instanceof CredentialFileError ? error.problem : 'unreachable' });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="file-check-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="file-check-title">
          {t('fileCheck.title')}
        </Title>
        <Text size="sm">{t('fileCheck.intro')}</Text>
        <FileInput
          label={t('fileCheck.choose')}
          placeholder={t('fileCheck.placeholder')}
          accept="application/pdf,application/json,.pdf,.json"
          value={file}
          onChange={(chosen) => void check(chosen)}
          clearable
          data-testid="credential-file"
        />
        <div aria-live="polite">
          {state.step === 'checking' && (
            <Stack align="center" gap="xs">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t('fileCheck.checking')}</Text>
            </Stack>
          )}
          {state.step === 'failed' && (
            <Alert color="red" variant="light" role="alert" data-testid="credential-file-problem">
              {t(`fileCheck.problem.${state.problem}`)}
            </Alert>
          )}
          {state.step === 'done' && <Verdict result={state.result} date={format.date} />}
        </div>
        <Text size="xs" c="dimmed">
          {t('fileCheck.private')}
        </Text>
      </Stack>
    </Card>
  );
}

function Verdict({ result, date }: { result: CredentialCheck; date: (value: string) => string }) {
  const { t } = useTranslation('certificates');
  const verdict = verdictOf(result);
  const { summary } = result;
  return (
    <Stack gap="xs" data-testid="credential-file-verdict" data-verdict={verdict}>
      <Badge color={COLOURS[verdict]} size="lg" variant="filled" style={{ flexShrink: 0 }}>
        {t(`fileCheck.verdict.${verdict}`)}
      </Badge>
      <Text size="sm">{t(`fileCheck.explain.${verdict}`)}</Text>
      {result.issuedHere && result.signatureValid && result.revoked === null && (
        <Text size="sm" c="orange">
          {t('fileCheck.statusUnknown')}
        </Text>
      )}
      {summary.achievement && (
        <Text fw={600}>
          <bdi>{summary.achievement}</bdi>
        </Text>
      )}
      {summary.holderName && (
        <Text>
          {t('verify.awardedTo')} <strong data-testid="credential-file-holder"><bdi>{summary.holderName}</bdi></strong>
        </Text>
      )}
      {summary.issuerName && <Text size="sm">{t('fileCheck.issuer', { issuer: summary.issuerName })}</Text>}
      {summary.validFrom && <Text size="sm">{t('verify.issuedOn', { date: date(summary.validFrom) })}</Text>}
      {summary.validUntil && <Text size="sm">{t('verify.validUntil', { date: date(summary.validUntil) })}</Text>}
    </Stack>
  );
}
