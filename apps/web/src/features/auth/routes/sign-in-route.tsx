import { Alert, Paper, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/sign-in-form';

export function SignInRoute() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" id="sign-in-title" mb="xs">
        {t('signIn.title')}
      </Title>
      <Text mb="lg">{t('signIn.intro')}</Text>
      {params.get('ended') === 'idle' ? (
        <Alert color="blue" variant="light" mb="md" data-testid="signed-out-idle">
          {t('signIn.endedIdle')}
        </Alert>
      ) : null}
      <SignInForm />
    </Paper>
  );
}
