import { useState } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { passwordResetRequestSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useRequestPasswordReset } from '../api/request-password-reset';

type Values = z.input<typeof passwordResetRequestSchema>;
type Output = z.output<typeof passwordResetRequestSchema>;

export function ForgotPasswordRoute() {
  const { t } = useTranslation(['auth', 'validation']);
  const request = useRequestPasswordReset();
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(passwordResetRequestSchema),
    defaultValues: { email: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (cause) {
      if (!applyServerErrors(cause, form.setError, { fields: ['email'] })) setError(cause);
    }
  });

  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" mb="xs" id="forgot-title">
        {t('forgot.title')}
      </Title>
      {sentTo ? (
        <Stack>
          <Alert color="green" variant="light" role="status">
            {t('forgot.sent', { email: sentTo })}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="forgot-title">
          <Stack gap="md">
            <Text>{t('forgot.intro')}</Text>
            <ErrorAlert error={error} />
            <TextInput
              type="email"
              label={t('signIn.email')}
              autoComplete="email"
              inputMode="email"
              required
              {...form.register('email')}
              error={translateFieldError(t, form.formState.errors.email?.message)}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('forgot.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password/phone" size="sm">
              {t('phoneReset.link')}
            </Anchor>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
