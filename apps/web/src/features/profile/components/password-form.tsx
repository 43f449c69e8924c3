import { useState } from 'react';
import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, passwordChangeSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useChangePassword } from '../api/change-password';

type Values = z.input<typeof passwordChangeSchema>;
type Output = z.output<typeof passwordChangeSchema>;

export function PasswordForm() {
  const { t } = useTranslation(['profile', 'auth', 'validation', 'errors']);
  const change = useChangePassword();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(passwordChangeSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setDone(false);
    try {
      await change.mutateAsync(values);
      form.reset();
      setDone(true);
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['currentPassword', 'newPassword'],
        codes: { PASSWORD_INCORRECT: 'currentPassword', PASSWORD_TOO_COMMON: 'newPassword' },
      });
      if (!onField) setError(cause);
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h3" mb="md" id="profile-password">
        {t('profile:password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={480}>
          <ErrorAlert error={error} />
          {done ? (
            <Alert color="green" variant="light" role="status">
              {t('profile:password.changed')}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('profile:password.current')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
            {...form.register('currentPassword')}
            error={translateFieldError(t, errors.currentPassword?.message)}
          />
          <PasswordInput
            label={t('profile:password.new')}
            description={t('auth:reset.intro', { count: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
            {...form.register('newPassword')}
            error={translateFieldError(t, errors.newPassword?.message)}
          />
          <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
            {t('profile:password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
