import { useState } from 'react';
import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { pinChangeSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useChangePin } from '../api/change-pin';

type Values = z.input<typeof pinChangeSchema>;
type Output = z.output<typeof pinChangeSchema>;

/** People who sign in with a 6-digit PIN (accounts without e-mail) choose a new one. */
export function PinForm() {
  const { t } = useTranslation(['profile', 'auth', 'validation', 'errors']);
  const change = useChangePin();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(pinChangeSchema),
    defaultValues: { currentPassword: '', newPin: '' },
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
        fields: ['currentPassword', 'newPin'],
        codes: { PASSWORD_INCORRECT: 'currentPassword', PIN_TOO_WEAK: 'newPin' },
      });
      if (!onField) setError(cause);
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-pin" data-testid="pin-card">
      <Title order={2} size="h3" mb="md" id="profile-pin">
        {t('profile:pin.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={480}>
          <ErrorAlert error={error} />
          {done ? (
            <Alert color="green" variant="light" role="status">
              {t('profile:pin.changed')}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('profile:pin.current')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
            {...form.register('currentPassword')}
            error={translateFieldError(t, errors.currentPassword?.message)}
          />
          <PasswordInput
            label={t('profile:pin.new')}
            description={t('profile:pin.hint')}
            autoComplete="new-password"
            inputMode="numeric"
            maxLength={6}
            dir="ltr"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
            {...form.register('newPin')}
            error={translateFieldError(t, errors.newPin?.message)}
          />
          <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
            {t('profile:pin.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
