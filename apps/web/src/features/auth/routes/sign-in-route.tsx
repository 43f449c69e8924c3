import { useState } from 'react';
import { Alert, Paper, Text, Title } from '@mantine/core';
import { signedOutIdle } from '../../../lib/device-data';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/sign-in-form';
import { SingleSignOnButtons } from '../components/single-sign-on-buttons';
import { SingleSignOnError } from '../components/single-sign-on-error';

export function SignInRoute() {
  const { t } = useTranslation('auth');
  // Kept until the next sign-in in this tab (the screen may mount again, e.g. on a language change).
  const [endedIdle] = useState(signedOutIdle);
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
      <SingleSignOnError />
      <SignInForm />
      <SingleSignOnButtons />
    </Paper>
  );
}
