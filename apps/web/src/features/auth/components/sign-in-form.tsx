import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SignInRequest } from '@tadamon/shared';
import { useErrorMessage } from '../../../components/error-alert';
import { applyServerErrors, lazySchemaResolver, translateFieldError } from '../../../lib/form';
import { useSignIn } from '../api/sign-in';

type SignInValues = { email: string; password: string };

// The shared schema, fetched after first paint (see lazySchemaResolver).
const loadSchema = () => import('@tadamon/shared').then((shared) => shared.signInRequestSchema);
const resolver = lazySchemaResolver(loadSchema);

/** E-mail and password. On success the session lands in the cache and the guard moves on. */
export function SignInForm() {
  const { t } = useTranslation(['auth', 'validation', 'errors']);
  const messageOf = useErrorMessage();
  const signIn = useSignIn();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<SignInValues, unknown, SignInRequest>({ resolver, defaultValues: { email: '', password: '' } });
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
      if (!applyServerErrors(cause, form.setError, { fields: ['email', 'password'] })) setError(cause);
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
          type="email"
          label={t('auth:signIn.email')}
          autoComplete="username"
          inputMode="email"
          required
          {...form.register('email')}
          error={translateFieldError(t, errors.email?.message)}
        />
        <PasswordInput
          label={t('auth:signIn.password')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          {...form.register('password')}
          error={translateFieldError(t, errors.password?.message)}
        />
        <Button type="submit" loading={form.formState.isSubmitting} fullWidth>
          {t('auth:signIn.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth:signIn.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
