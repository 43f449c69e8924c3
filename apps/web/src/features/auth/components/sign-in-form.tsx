import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SignInRequest } from '@tadamon/shared';
import { useErrorMessage } from '../../../components/error-alert';
import { applyServerErrors, lazySchemaResolver, translateFieldError } from '../../../lib/form';
import { useSignIn } from '../api/sign-in';

type SignInValues = { identifier?: string; password: string; sharedDevice?: boolean };

// The shared schema, fetched after first paint (see lazySchemaResolver).
const loadSchema = () => import('@tadamon/shared').then((shared) => shared.signInRequestSchema);
const resolver = lazySchemaResolver(loadSchema);

/**
 * E-mail, phone number or username, and a password or PIN; "this is a shared phone" shortens
 * the session and clears the browser at sign-out. On success the session lands in the cache and
 * the guard moves on.
 */
export function SignInForm() {
  const { t } = useTranslation(['auth', 'validation', 'errors']);
  const messageOf = useErrorMessage();
  const signIn = useSignIn();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<SignInValues, unknown, SignInRequest>({ resolver, defaultValues: { identifier: '', password: '', sharedDevice: false } });
  const { errors } = form.formState;

  // Fetch the validation code once the page is idle, while the person types.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
    idle(() => void loadSchema());
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await signIn.mutateAsync(values);
    } catch (cause) {
      if (!applyServerErrors(cause, form.setError, { fields: ['identifier', 'password'] })) setError(cause);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
            {messageOf(error)}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth:signIn.identifier')}
          description={t('auth:signIn.identifierHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="auto"
          required
          {...form.register('identifier')}
          error={translateFieldError(t, errors.identifier?.message)}
        />
        <PasswordInput
          label={t('auth:signIn.password')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          {...form.register('password')}
          error={translateFieldError(t, errors.password?.message)}
        />
        <Checkbox
          label={t('auth:signIn.sharedDevice')}
          description={t('auth:signIn.sharedDeviceHint')}
          {...form.register('sharedDevice')}
        />
        <Button type="submit" loading={form.formState.isSubmitting} fullWidth>
          {t('auth:signIn.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth:signIn.forgotPassword')}
          </Anchor>
          <Anchor component={Link} to="/setup-code" size="sm">
            {t('auth:signIn.haveSetupCode')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
