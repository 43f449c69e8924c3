import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignInProviders } from '../api/get-sign-in-providers';

/**
 * "Sign in with <provider>": a plain link, because the sign-in leaves for the provider and
 * comes back through the API's callback. Nothing is shown while (or if) the list is missing.
 */
export function SingleSignOnButtons() {
  const { t } = useTranslation('singleSignOn');
  const providers = useSignInProviders();
  const items = providers.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" mt="lg" data-testid="sso-buttons">
      {items.map((provider) => (
        <Button key={provider.id} component="a" href={`/api/auth/oidc/${provider.id}/start`} variant="default" fullWidth>
          {t('signInWith', { name: provider.name })}
        </Button>
      ))}
    </Stack>
  );
}
