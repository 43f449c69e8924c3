import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/error-alert';
import { TotpEnrolment } from '../../../components/totp-enrolment';
import { queryKeys } from '../../../lib/query-keys';
import { useSession, useSetSession } from '../../../lib/session';
import { confirmTotpEnrolment } from '../../../api/confirm-totp-enrolment';
import { useSignOut } from '../api/sign-out';
import { startTotpEnrolment } from '../../../api/start-totp-enrolment';
import { useVerifySecondFactor } from '../api/verify-second-factor';

/**
 * The step after a right password when the session owes a second factor: a code from the
 * authenticator app (or a recovery code), or — for coordinators and admins without TOTP —
 * setting it up. The guard sends the person on once the session is complete.
 */
export function SecondFactorRoute() {
  const { t } = useTranslation('twoFactor');
  const { data: session } = useSession();
  const setSession = useSetSession();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const enrol = session?.secondFactor === 'enrol';

  return (
    <Paper withBorder shadow="xs" p="lg">
      <Stack gap="md">
        <Title order={1} size="h2" id="second-factor-title">
          {enrol ? t('enrol.title') : t('verify.title')}
        </Title>
        {enrol ? (
          <>
            <Text>{t('enrol.required')}</Text>
            <TotpEnrolment
              start={startTotpEnrolment}
              confirm={confirmTotpEnrolment}
              onDone={() => void queryClient.invalidateQueries({ queryKey: queryKeys.session })}
            />
          </>
        ) : (
          <VerifyCodeForm />
        )}
        <Button
          variant="subtle"
          onClick={() => signOut.mutate({ sharedDevice: session?.sharedDevice ?? false }, { onSettled: () => setSession(null) })}
          data-testid="second-factor-sign-out"
        >
          {t('signOut')}
        </Button>
      </Stack>
    </Paper>
  );
}

function VerifyCodeForm() {
  const { t } = useTranslation('twoFactor');
  const messageOf = useErrorMessage();
  const verify = useVerifySecondFactor();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);

  return (
    <form
      noValidate
      aria-labelledby="second-factor-title"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        verify.mutate(code, { onError: setError });
      }}
    >
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" role="alert" data-testid="second-factor-error">
            {messageOf(error)}
          </Alert>
        ) : null}
        <Text>{t('verify.intro')}</Text>
        <TextInput
          label={t('verify.code')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          dir="ltr"
          required
          data-testid="second-factor-code"
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('verify.submit')}
        </Button>
      </Stack>
    </form>
  );
}
