import { useState } from 'react';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, passwordResetConfirmSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

type Values = z.input<typeof passwordResetConfirmSchema>;
type Output = z.output<typeof passwordResetConfirmSchema>;

export function ResetPasswordRoute() {
  const { t } = useTranslation(['auth', 'validation', 'errors']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(passwordResetConfirmSchema),
    defaultValues: { token, password: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await confirm.mutateAsync(values);
      setDone(true);
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['password'],
        codes: { PASSWORD_TOO_COMMON: 'password' },
      });
      if (!onField) setError(cause);
    }
  });

  const tokenInvalid = token.length < 16 || (isApiError(error) && error.code === 'RESET_TOKEN_INVALID');

  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" mb="xs" id="reset-title">
        {t('reset.title')}
      </Title>
      {done ? (
        <Stack>
          <Alert color="green" variant="light" role="status">
            {t('reset.done')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('signIn.submit')}
          </Anchor>
        </Stack>
      ) : tokenInvalid ? (
        <Stack>
          <Alert color="red" variant="light" role="alert">
            {t('errors:RESET_TOKEN_INVALID')}
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('reset.requestNew')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="reset-title">
          <Stack gap="md">
            <Text>{t('reset.intro', { count: PASSWORD_MIN })}</Text>
            <ErrorAlert error={error} />
            <PasswordInput
              label={t('reset.newPassword')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
              {...form.register('password')}
              error={translateFieldError(t, form.formState.errors.password?.message)}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
