import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordAndCodeFields } from './password-and-code-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { TotpEnrolment } from '../../../components/totp-enrolment';
import { confirmTotpEnrolment } from '../../../api/confirm-totp-enrolment';
import { useDisableTotp } from '../api/disable-totp';
import { totpStatusKey, useTotpStatus } from '../api/get-totp-status';
import { startTotpEnrolment } from '../../../api/start-totp-enrolment';
import { RecoveryCodesForm } from './recovery-codes-form';

/** One's own second factor: turn it on (optional unless the role requires it) or off. */
export function TwoFactorCard() {
  const { t } = useTranslation('twoFactor');
  const status = useTotpStatus();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<'enabled' | 'disabled' | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-two-factor" data-testid="two-factor-card">
      <Title order={2} size="h3" mb="md" id="profile-two-factor">
        {t('card.title')}
      </Title>
      {status.isPending ? (
        <PageSkeleton />
      ) : status.error ? (
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <Stack gap="md" maw={480}>
          {done ? (
            <Alert color="green" variant="light" role="status">
              {t(`card.${done}`)}
            </Alert>
          ) : null}
          <Text data-testid="two-factor-state">{status.data.enabled ? t('card.on') : t('card.off')}</Text>
          {status.data.enabled ? (
            <>
              <Text size="sm">{t('card.recoveryLeft', { count: status.data.recoveryCodesLeft })}</Text>
              <RecoveryCodesForm />
              {status.data.required ? (
                <Text size="sm">{t('card.required')}</Text>
              ) : (
                <DisableForm onDone={() => setDone('disabled')} />
              )}
            </>
          ) : (
            <TotpEnrolment
              start={startTotpEnrolment}
              confirm={confirmTotpEnrolment}
              onDone={() => {
                setDone('enabled');
                void queryClient.invalidateQueries({ queryKey: totpStatusKey });
              }}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['twoFactor', 'auth']);
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        disable.mutate({ password, code }, { onSuccess: onDone, onError: setError });
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <PasswordAndCodeFields password={password} code={code} onPassword={setPassword} onCode={setCode} />
        <Button type="submit" color="red" variant="light" loading={disable.isPending}>
          {t('twoFactor:card.disable')}
        </Button>
      </Stack>
    </form>
  );
}
