import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/sign-in-form';
import { SingleSignOnButtons } from '../components/single-sign-on-buttons';

export function SignInRoute() {
  const { t } = useTranslation('auth');
  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" id="sign-in-title" mb="xs">
        {t('signIn.title')}
      </Title>
      <Text mb="lg">{t('signIn.intro')}</Text>
      <SignInForm />
      <SingleSignOnButtons />
    </Paper>
  );
}
