import { useEffect, useState } from 'react';
import { Alert, Paper, Text, Title } from '@mantine/core';
import { forgetSignedOutIdle, signedOutIdle } from '../../../lib/device-data';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/sign-in-form';

export function SignInRoute() {
  const { t } = useTranslation('auth');
  // Read once: a reload of the sign-in page no longer explains an old sign-out.
  const [endedIdle] = useState(signedOutIdle);
  useEffect(forgetSignedOutIdle, []);
  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" id="sign-in-title" mb="xs">
        {t('signIn.title')}
      </Title>
      <Text mb="lg">{t('signIn.intro')}</Text>
      {endedIdle ? (
        <Alert color="blue" variant="light" mb="md" data-testid="signed-out-idle">
          {t('signIn.endedIdle')}
        </Alert>
      ) : null}
      <SignInForm />
    </Paper>
  );
}
