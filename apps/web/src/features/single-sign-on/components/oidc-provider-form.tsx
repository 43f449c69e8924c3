import { useState } from 'react';
import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OidcProvider } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useSaveOidcProvider } from '../api/save-oidc-provider';

/** Adds a provider to the network, or edits one (the secret is kept when left blank). */
export function OidcProviderForm({ networkId, provider, onDone }: { networkId: string; provider?: OidcProvider; onDone: () => void }) {
  const { t } = useTranslation('singleSignOn');
  const save = useSaveOidcProvider();
  const [values, setValues] = useState({
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
  });
  const [error, setError] = useState<unknown>(null);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: event.currentTarget.value }),
  });

  return (
    <form
      noValidate
      data-testid="oidc-provider-form"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        const body = provider
          ? { name: values.name, issuer: values.issuer, clientId: values.clientId, ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}) }
          : values;
        save.mutate({ networkId, id: provider?.id, body }, { onSuccess: onDone, onError: setError });
      }}
    >
      <Stack gap="sm" maw={520}>
        <ErrorAlert error={error} />
        <TextInput label={t('form.name')} description={t('form.nameHint')} required {...field('name')} />
        <TextInput label={t('form.issuer')} description={t('form.issuerHint')} dir="ltr" type="url" required {...field('issuer')} />
        <TextInput label={t('form.clientId')} dir="ltr" required {...field('clientId')} />
        <PasswordInput
          label={t('form.clientSecret')}
          description={provider ? t('form.clientSecretKeep') : undefined}
          dir="ltr"
          required={!provider}
          autoComplete="off"
          {...field('clientSecret')}
        />
        <Text size="sm">
          {t('form.redirectUri')}{' '}
          <code dir="ltr">{provider?.redirectUri ?? `${window.location.origin}/api/auth/oidc/callback`}</code>
        </Text>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('form.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
